import { pinyin } from 'pinyin-pro';

/**
 * The pinyin forms of a (normalized) title or organisation, for pinyin search and sorting.
 * pinyin-pro is called once per string (not per character) so polyphones are read in
 * context: 长春 → changchun, 重庆 → chongqing, 银行 → yinhang.
 */
export interface PinyinForms {
  /** Runs of full pinyin without tones or spaces (沈阳高新区 → shenyanggaoxinqu); ASCII letters
   * are kept, anything else (digits, punctuation, spaces) ends a run. */
  full: string[];
  /** The same runs as initials (沈阳高新区 → syg xq → sygxq; SEM stays sem). */
  initials: string[];
  /** A sort key that orders titles by pinyin with plain binary comparison: syllables and
   * ASCII words separated by spaces (which sort below every letter, so 阿里 < 安). */
  sortKey: string;
}

const HAS_HAN = /\p{Script=Han}/u;

export function pinyinForms(text: string): PinyinForms {
  const chars = [...text];
  // Non-Chinese characters come back unchanged, one array item per code point.
  let syllables: string[] = HAS_HAN.test(text) ? pinyin(text, { toneType: 'none', type: 'array', v: true }) : chars;
  if (syllables.length !== chars.length) syllables = chars.map((ch) => pinyin(ch, { toneType: 'none', v: true }));

  const full: string[] = [];
  const initials: string[] = [];
  const keyParts: string[] = [];
  let run = '';
  let runInitials = '';
  let word = ''; // an ASCII word or number, one sort-key part
  const endRun = () => {
    if (run) {
      full.push(run);
      initials.push(runInitials);
    }
    run = '';
    runInitials = '';
  };
  const endWord = () => {
    if (word) keyParts.push(word);
    word = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const py = syllables[i] as string;
    if (py !== ch && /^[a-z]+$/.test(py)) {
      endWord();
      keyParts.push(py);
      run += py;
      runInitials += py[0];
    } else if (ch >= 'a' && ch <= 'z') {
      word += ch;
      run += ch;
      runInitials += ch;
    } else if (ch >= '0' && ch <= '9') {
      word += ch;
      endRun();
    } else {
      endWord();
      endRun();
    }
  }
  endWord();
  endRun();
  return { full, initials, sortKey: keyParts.join(' ') };
}
