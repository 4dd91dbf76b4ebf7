// The inject table's cells: plain inputs, memoised per inject, so opening 300 injects or typing in one stays cheap.
//
// antd's Input/Select/TextArea cost a style hook each and TextArea measures itself on every render; a
// screenful of rows holds ~200 of them. Native controls (styled like antd's small size in styles.css)
// with CSS `field-sizing: content` for the growing text boxes do the same job with no per-cell work.
import { memo, useEffect, useState } from 'react';
import { formatOffset, parseOffset } from '@shared/drill-clock';
import type { Inject } from '@shared/schemas/drill';
import type { ClauseLookup } from '../../components/plan-clauses';

export type PatchInject = (id: string, patch: Partial<Inject>) => void;
export type TextField = 'scene' | 'info' | 'sender' | 'receiver' | 'expectedAction' | 'controller' | 'narration';

export const TextCell = memo(function TextCell({ inject, field, multiline, onPatch }: { inject: Inject; field: TextField; multiline?: boolean; onPatch: PatchInject }) {
  const props = { className: 'cell-input', value: inject[field], 'data-testid': `inject-${field}`, 'aria-label': field };
  return multiline ? (
    <textarea {...props} rows={1} onChange={(e) => onPatch(inject.id, { [field]: e.target.value })} />
  ) : (
    <input {...props} onChange={(e) => onPatch(inject.id, { [field]: e.target.value })} />
  );
});

export const ChoiceCell = memo(function ChoiceCell({ inject, field, options, onPatch }: { inject: Inject; field: 'phaseId' | 'method'; options: readonly { value: string; label: string }[]; onPatch: PatchInject }) {
  const known = options.some((o) => o.value === inject[field]);
  return (
    <select className="cell-input" value={inject[field]} onChange={(e) => onPatch(inject.id, { [field]: e.target.value })} data-testid={`inject-${field}`}>
      {!known && <option value={inject[field]}>{inject[field] || '—'}</option>}
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
});

/**
 * T+mm:ss after the start, or a clock time of day; the typed text is kept until it reads as a time. The
 * check's word on the time (out of order, outside the drill's hours) stands under it.
 */
export const TimeCell = memo(function TimeCell({ inject, problem, onPatch }: { inject: Inject; problem?: string; onPatch: PatchInject }) {
  const shown = inject.time.mode === 'relative' ? formatOffset(inject.time.offsetSec) : inject.time.clock;
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const v = draft.trim();
    if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(v) && inject.time.mode === 'clock') return onPatch(inject.id, { time: { mode: 'clock', clock: v.padStart(5, '0') } });
    const sec = parseOffset(v);
    if (sec !== null) onPatch(inject.id, { time: { mode: 'relative', offsetSec: sec } });
    else setDraft(shown);
  };
  return (
    <>
      <span className="cell-time">
        <select className="cell-input" value={inject.time.mode} onChange={(e) => onPatch(inject.id, { time: e.target.value === 'relative' ? { mode: 'relative', offsetSec: 0 } : { mode: 'clock', clock: '09:00' } })} aria-label="时间方式">
          <option value="relative">T+</option>
          <option value="clock">时刻</option>
        </select>
        <input className="cell-input" value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} data-testid="inject-time" aria-label="计划时间" aria-invalid={problem ? true : undefined} />
      </span>
      {problem && <div className="cell-issue" data-testid="inject-time-issue">{problem}</div>}
    </>
  );
});

/** The clauses an inject tests, as tags with their numbered headings; × removes one, + opens the picker. */
export const ClauseCell = memo(function ClauseCell({ inject, lookup, onPatch, onPick }: { inject: Inject; lookup: ClauseLookup; onPatch: PatchInject; onPick: (injectId: string) => void }) {
  return (
    <div className="clause-cell" data-testid="inject-clauses">
      {inject.clauseLinks.map((c) => {
        const found = lookup(c);
        const text = !found ? '…' : 'missing' in found ? '已删除的条款' : found.label;
        return (
          <span key={`${c.planId}|${c.sectionId}`} className={`clause-tag${found && 'missing' in found ? ' missing' : ''}`} title={found && !('missing' in found) ? `${found.plan}\n${found.label}` : text} data-testid="clause-tag">
            <span className="clause-tag-text">{text}</span>
            <button type="button" aria-label={`移除 ${text}`} onClick={() => onPatch(inject.id, { clauseLinks: inject.clauseLinks.filter((x) => x !== c) })}>×</button>
          </span>
        );
      })}
      <button type="button" className="clause-add" onClick={() => onPick(inject.id)} data-testid="pick-clauses">+ 条款</button>
    </div>
  );
});
