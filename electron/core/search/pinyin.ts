import { pinyin } from 'pinyin-pro';

/**
 * The pinyin forms of a (normalized) title or organisation, for pinyin search and sorting.
 *
 * pinyin-pro is called once per string (not per character) so polyphones are read in
 * context: 重庆 → chongqing, 银行 → yinhang. Its word segmentation also errs (中国科学院长春…
 * reads 院长 "dean" and gives zhangchun), so the runs are made twice — from the contextual
 * reading and from each character's most common reading — and both are searchable when they
 * differ. A user typing either reading finds the record.
 */
export interface PinyinForms {
  /** Runs of full pinyin without tones or spaces (沈阳高新区 → shenyanggaoxinqu); ASCII letters
   * are kept, anything else (digits, punctuation, spaces) ends a run. */
  full: string[];
  /** The same runs as initials (沈阳高新区 → sygxq; SEM stays sem). */
  initials: string[];
  /** A sort key that orders titles by pinyin with plain binary comparison: syllables and
   * ASCII words separated by spaces (which sort below every letter, so 阿里 < 安), then
   * U+0001 and the text itself, so equal pinyin groups by character, not by chance. */
  sortKey: string;
}

const HAS_HAN = /\p{Script=Han}/u;
const SYLLABLE = /^[a-z]+$/;
const commonReading = new Map<string, string>();

/** A character's most common reading ('' if it has none), cached: few thousand distinct. */
function readingOf(ch: string): string {
  let py = commonReading.get(ch);
  if (py === undefined) {
    const p = pinyin(ch, { toneType: 'none', v: true });
    py = p !== ch && SYLLABLE.test(p) ? p : '';
    commonReading.set(ch, py);
  }
  return py;
}

export function pinyinForms(text: string): PinyinForms {
  const chars = [...text];
  if (!HAS_HAN.test(text)) return fromReadings(text, chars, chars.map(() => ''));
  // Non-Chinese characters come back unchanged, one array item per code point.
  const contextual = pinyin(text, { toneType: 'none', type: 'array', v: true });
  const readings =
    contextual.length === chars.length
      ? contextual.map((py, i) => (py !== chars[i] && SYLLABLE.test(py) ? py : ''))
      : chars.map(readingOf);
  const forms = fromReadings(text, chars, readings);
  const common = chars.map(readingOf);
  if (common.every((py, i) => py === readings[i])) return forms;
  const alternative = fromReadings(text, chars, common);
  return { full: [...forms.full, ...alternative.full], initials: [...forms.initials, ...alternative.initials], sortKey: forms.sortKey };
}

/** Runs and sort key from one reading per character ('' for a character without pinyin). */
function fromReadings(text: string, chars: readonly string[], readings: readonly string[]): PinyinForms {
  const full: string[] = [];
  const initials: string[] = [];
  const keyParts: string[] = [];
  let run = '';
  let runInitials = '';
  let word = ''; // an ASCII word or number: one sort-key part
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
    const py = readings[i] as string;
    if (py) {
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
  return { full, initials, sortKey: `${keyParts.join(' ')}\u0001${text}` };
}
