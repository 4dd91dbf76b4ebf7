// What the console may log when, and how a late inject's delay is proposed, typed and shown.
import { describe, expect, it } from 'vitest';
import { delayInput, delayMismatch, formatDelay, LATE_TOLERANCE_SEC, lateRefusal, parseDelay, proposedDelaySec, repeatRefusal, runEventRefusal } from '../../electron/shared/run-rules';
import { RUN_EVENT_TYPES, type ClockState } from '../../electron/shared/schemas/drill';
import { MAX_DELAY_SEC } from '../../electron/shared/vocabulary';

const STATUSES: ClockState['status'][] = ['not-started', 'running', 'paused', 'ended'];

describe('repeatRefusal', () => {
  it('lets an inject go out once: no second delivery, no skip after it', () => {
    for (const last of ['inject.delivered', 'inject.late'] as const) {
      for (const type of ['inject.delivered', 'inject.late'] as const) expect(repeatRefusal(type, last)).toMatch(/已经下达.*不能重复下达/);
      expect(repeatRefusal('inject.skipped', last)).toMatch(/已经下达，不能再跳过/);
    }
  });

  it('lets a skipped inject still go out, but not be skipped twice; anything goes for an inject not yet handled', () => {
    for (const type of ['inject.delivered', 'inject.late'] as const) {
      expect(repeatRefusal(type, 'inject.skipped')).toBeNull();
      expect(repeatRefusal(type, null)).toBeNull();
    }
    expect(repeatRefusal('inject.skipped', null)).toBeNull();
    expect(repeatRefusal('inject.skipped', 'inject.skipped')).toMatch(/已被跳过/);
  });
});

describe('runEventRefusal', () => {
  it('lets every event through on a running clock', () => {
    for (const type of RUN_EVENT_TYPES) expect(runEventRefusal(type, 'running')).toBeNull();
  });

  it('holds deliveries during a pause but lets the director skip, and says why', () => {
    for (const type of ['inject.delivered', 'inject.late', 'inject.adhoc'] as const) expect(runEventRefusal(type, 'paused')).toMatch(/演练已暂停.*继续/);
    expect(runEventRefusal('inject.skipped', 'paused')).toBeNull();
  });

  it('refuses every inject event before the start and after the end', () => {
    for (const type of ['inject.delivered', 'inject.late', 'inject.adhoc', 'inject.skipped'] as const) {
      expect(runEventRefusal(type, 'not-started')).toMatch(/尚未开始/);
      expect(runEventRefusal(type, 'ended')).toMatch(/已结束/);
    }
  });

  it('never refuses observations, actions or clock events (the clock ignores nonsense itself)', () => {
    for (const status of STATUSES) {
      for (const type of ['observation', 'action', 'clock.start', 'clock.pause', 'clock.resume', 'clock.end'] as const) expect(runEventRefusal(type, status)).toBeNull();
    }
  });
});

describe('late delays', () => {
  it('proposes how far past its planned time the inject is, in seconds, and nothing when it is not due yet', () => {
    expect(proposedDelaySec(-200_400)).toBe(200);
    expect(proposedDelaySec(-499)).toBe(0);
    expect(proposedDelaySec(30_000)).toBe(0);
    expect(proposedDelaySec(undefined)).toBe(0);
  });

  it('reads minutes, minutes:seconds (full-width colon too) and h:mm:ss', () => {
    expect(parseDelay('5')).toBe(300);
    expect(parseDelay(' 12分钟 ')).toBe(720);
    expect(parseDelay('3:20')).toBe(200);
    expect(parseDelay('3：20')).toBe(200);
    expect(parseDelay('1:02:03')).toBe(3723);
    expect(parseDelay('0')).toBe(0);
  });

  it('refuses what is not a delay, or longer than a drill day', () => {
    for (const bad of ['', '五分钟', '-5', '3:75', '1.5', 'T-03:00']) expect(parseDelay(bad)).toBeNull();
    expect(parseDelay(String(MAX_DELAY_SEC / 60))).toBe(MAX_DELAY_SEC);
    expect(parseDelay(String(MAX_DELAY_SEC / 60 + 1))).toBeNull();
  });

  it('puts the proposal in the box in a form it reads back unchanged', () => {
    for (const sec of [0, 59, 200, 3599, 3723, MAX_DELAY_SEC]) expect(parseDelay(delayInput(sec))).toBe(sec);
    expect(delayInput(200)).toBe('03:20');
  });

  it('says a delay in words', () => {
    expect(formatDelay(45)).toBe('45秒');
    expect(formatDelay(200)).toBe('3分20秒');
    expect(formatDelay(300)).toBe('5分钟');
    expect(formatDelay(3720)).toBe('1小时2分');
    expect(formatDelay(7200)).toBe('2小时');
  });
});

describe('late injects against the clock', () => {
  it('refuses L for an inject not yet due, saying how long until it is and to press D; an overdue or just-due one is late', () => {
    expect(lateRefusal(16 * 60_000 + 57_000)).toMatch(/还没到计划时间（还差 16分57秒）.*按 D/);
    expect(lateRefusal(400)).toMatch(/还差 1秒/);
    expect(lateRefusal(0)).toBeNull();
    expect(lateRefusal(-5 * 60_000)).toBeNull();
  });

  it('accepts a delay within the tolerance of the clock figure either way, and names the clock figure otherwise', () => {
    expect(delayMismatch(363, 363)).toBeNull();
    expect(delayMismatch(363 + LATE_TOLERANCE_SEC, 363)).toBeNull();
    expect(delayMismatch(363 - LATE_TOLERANCE_SEC, 363)).toBeNull();
    expect(delayMismatch(300, 363 + LATE_TOLERANCE_SEC)).toMatch(/填写的延迟（5分钟）与演练时钟不符.*晚 7分3秒/);
    expect(delayMismatch(30 * 60, 63)).toMatch(/晚 1分3秒/);
  });
});
