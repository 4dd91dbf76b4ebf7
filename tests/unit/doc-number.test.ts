// 发文字号 as GB/T 9704 writes it: year in 六角括号, a 序号 with no 第 and no padding.
import { describe, expect, it } from 'vitest';
import { docNumberProblem, normalDocNumber } from '../../electron/shared/doc-number';

describe('发文字号', () => {
  it('takes out spaces and accepts 代字〔年〕序号号', () => {
    expect(normalDocNumber('小政办发〔2026〕 12 号')).toBe('小政办发〔2026〕12号');
    expect(docNumberProblem('小政办发〔2026〕 12号')).toBeNull();
  });

  it('asks for the 序号 when it is missing, padded or written with 第, and for 六角括号 around the year', () => {
    expect(docNumberProblem('小政办发〔2026〕  号')).toMatch(/发文序号/);
    expect(docNumberProblem('小政办发〔2026〕第3号')).toMatch(/发文序号/);
    expect(docNumberProblem('小政办发〔2026〕003号')).toMatch(/不编虚位/);
    expect(docNumberProblem('小政办发[2026]3号')).toMatch(/六角括号/);
    expect(docNumberProblem('  ')).toBe('请填写发文字号');
  });
});
