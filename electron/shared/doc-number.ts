// 发文字号 (GB/T 9704 7.2.4): 机关代字, the year in 六角括号 and the 序号 — no 第, no padding (不编虚位), no spaces.

/** The 发文字号 as printed: spaces (the form's placeholder for the 序号 leaves two) taken out. */
export const normalDocNumber = (s: string): string => s.replace(/\s+/g, '');

/** Why a 发文字号 cannot be printed, in words for the form; null when it can. */
export function docNumberProblem(s: string): string | null {
  const n = normalDocNumber(s);
  if (!n) return '请填写发文字号';
  if (!/〔\d{4}〕/.test(n)) return '发文字号的年份须用六角括号，如〔2025〕';
  if (!/〔\d{4}〕[1-9]\d*号$/.test(n)) return '请填写发文序号，如：小政办发〔2025〕3号（不加“第”字，不编虚位）';
  return null;
}
