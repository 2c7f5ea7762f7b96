import { describe, expect, it } from 'vitest';
import { PinyinMemo, searchDocument } from '../../electron/core/search/grams';
import { pinyinForms } from '../../electron/core/search/pinyin';

describe('the pinyin memo', () => {
  it('answers exactly what pinyinForms computes, and the same object while it remembers the text', () => {
    const memo = new PinyinMemo(10);
    for (const text of ['重庆银行', '中国科学院长春光学精密机械与物理研究所', 'sem 扫描电镜 2019', '']) {
      expect(memo.of(text)).toEqual(pinyinForms(text));
      expect(memo.of(text)).toBe(memo.of(text));
    }
  });

  it('starts over when full, still answering correctly', () => {
    const memo = new PinyinMemo(2);
    const first = memo.of('沈阳');
    memo.of('大连');
    expect(memo.of('沈阳')).toBe(first);
    memo.of('长春'); // the third text: the memo starts over
    const again = memo.of('沈阳');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('leaves a search document the same whichever memo computed it', () => {
    const text = { title: '场发射扫描电子显微镜', organisation: '沈阳材料科学国家研究中心', description: '配备 EDS 能谱' };
    const fresh = searchDocument(text, new PinyinMemo(1));
    expect(searchDocument(text)).toEqual(fresh);
    expect(searchDocument(text)).toEqual(fresh); // the shared memo's second answer
  });
});
