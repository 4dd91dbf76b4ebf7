// The script being edited: loaded once, changed through functional updates, saved within 0.8 s of a change.
import { App as AntApp } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillDetail, Script, ScriptIssue } from '@shared/schemas/drill';
import { ApiError, errorText, request } from '../../api/client';
import { newSectionId } from '../../editor/ids';

export const newId = () => newSectionId().replace(/^s-/, 'i-');
const DEFAULT_PHASES = ['预警', '响应启动', '处置', '扩大响应', '响应结束'];

/** 'stale': another window saved the script since this one loaded it; this one saves (and edits) no more. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'stale';

export function useScriptDraft(drillId: string, detail: DrillDetail | undefined) {
  const { message } = AntApp.useApp();
  // The clock running or paused locks the script: the log refers to injects by id and number.
  const locked = detail?.runStatus === 'running' || detail?.runStatus === 'paused';
  const [script, setScript] = useState<Script | null>(null);
  const [issues, setIssues] = useState<ScriptIssue[]>([]);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const timer = useRef<number | null>(null);
  const latest = useRef<Script | null>(null);
  const lockedRef = useRef(locked);
  /** The script's save count this copy follows (DrillDetail.scriptSeq, then each save's). */
  const baseSeq = useRef<number | undefined>(undefined);
  const [stale, setStale] = useState<string | null>(null);
  const staleRef = useRef<string | null>(null);
  useEffect(() => {
    lockedRef.current = locked;
  }, [locked]);

  useEffect(() => {
    if (detail && !latest.current) {
      const s = detail.script;
      baseSeq.current = detail.scriptSeq;
      latest.current = s.phases.length ? s : { ...s, phases: DEFAULT_PHASES.map((name) => ({ id: newId(), name })) };
      setScript(latest.current);
      setIssues(detail.issues);
    }
  }, [detail]);

  const save = useCallback(async () => {
    timer.current = null;
    if (!latest.current || staleRef.current) return;
    setSaveState('saving');
    try {
      const r = await request('script.save', { drillId, script: latest.current, baseSeq: baseSeq.current });
      baseSeq.current = r.saveSeq;
      setIssues(r.issues);
      setSaveState('saved');
    } catch (e) {
      if (e instanceof ApiError && e.error.code === 'STALE') {
        staleRef.current = errorText(e);
        setStale(staleRef.current);
        setSaveState('stale');
        return;
      }
      setSaveState('dirty');
      message.error(errorText(e));
    }
  }, [drillId, message]);

  /** Applies a change to the latest script (cells keep one stable callback however many edits follow). */
  const update = useCallback(
    (change: Script | ((s: Script) => Script)) => {
      if (lockedRef.current) {
        message.warning('演练正在进行，脚本已锁定；结束演练后才能修改。');
        return;
      }
      if (staleRef.current) {
        message.warning(staleRef.current);
        return;
      }
      if (!latest.current) return;
      latest.current = typeof change === 'function' ? change(latest.current) : change;
      setScript(latest.current);
      setSaveState('dirty');
      if (timer.current === null) timer.current = window.setTimeout(() => void save(), 800);
    },
    [save, message],
  );
  // Leaving the page saves what is pending.
  useEffect(() => () => void (timer.current !== null && save()), [save]);

  /** Drops this window's copy: the next detail loaded (the caller reloads it) is edited from then on. */
  const reopen = useCallback(() => {
    latest.current = null;
    staleRef.current = null;
    setStale(null);
    setSaveState('saved');
  }, []);

  return { script, issues, saveState, stale, locked, update, save, reopen };
}
