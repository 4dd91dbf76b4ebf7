import { describe, expect, it } from 'vitest';
import { mayHaveMarkerGap, withoutMarkerGap } from '../../renderer/src/editor/marker-gap';

describe('the gap Word leaves after a typed list marker', () => {
  it('drops non-breaking spaces or a tab after （1） 1. 1、 一、 ① at the start', () => {
    expect(withoutMarkerGap('（1）\u00a0\u00a0地震专家')).toBe('（1）地震专家');
    expect(withoutMarkerGap('(2)\u00a0 气象专家')).toBe('(2)气象专家');
    expect(withoutMarkerGap('3.\t建立值班制度')).toBe('3.建立值班制度');
    expect(withoutMarkerGap('4、\u00a0加强巡查')).toBe('4、加强巡查');
    expect(withoutMarkerGap('二、\u00a0\u00a0组织体系')).toBe('二、组织体系');
    expect(withoutMarkerGap('①\u00a0人员转移')).toBe('①人员转移');
  });

  it('leaves ordinary spaces, gaps not after a marker, and text that only looks like one', () => {
    expect(withoutMarkerGap('1. 总则')).toBe('1. 总则');
    expect(withoutMarkerGap('地震\u00a0专家')).toBe('地震\u00a0专家');
    expect(withoutMarkerGap('2026\u00a0年')).toBe('2026\u00a0年');
    expect(withoutMarkerGap('第（1）\u00a0项')).toBe('第（1）\u00a0项');
  });

  it('tells cheaply when there is nothing to look at', () => {
    expect(mayHaveMarkerGap('（1）地震专家')).toBe(false);
    expect(mayHaveMarkerGap('（1）\u00a0地震专家')).toBe(true);
  });
});
