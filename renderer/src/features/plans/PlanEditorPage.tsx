// The plan editor: one continuous, Word-like page made of chapter editors, with outline and side panels.
import { Alert, App as AntApp, Button, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { placeholderKeys, titleKeys, type PlanSection } from '@shared/doc-model';
import type { ClauseExercise } from '@shared/schemas/evaluation';
import type { PlanDetail } from '@shared/schemas/plan';
import { planStatusLabels } from '@shared/vocabulary';
import { errorText, request } from '../../api/client';
import { requestOnce } from '../../api/prefetch';
import { useLoad } from '../../components/use-load';
import { ChapterEditor } from '../../editor/ChapterEditor';
import { focusSection, setBlockType } from '../../editor/commands';
import { PlaceholderContext, type PlaceholderActions } from '../../editor/nodes/PlaceholderChip';
import { navigate } from '../../route';
import { ChecksPanel } from './ChecksPanel';
import { EditorToolbar } from './EditorToolbar';
import { useExportCommand } from '../../components/export-command';
import { clockTime, groupDigits } from '../../components/format';
import { exportPlan } from './export-plan';
import { FindBar } from './FindBar';
import { OutlinePanel, type OutlineItem } from './OutlinePanel';
import { RequestsPanel } from './RequestsPanel';
import { PendingChapter, useLateChapters } from './late-chapters';
import { LineagePanel, PlaceholderList, sameAsTemplate } from './SidePanel';
import { useSaveStatus, type SaveState, type SaveStatusStore } from './save-status';
import { usePlanSession } from './use-plan-session';
import { useWholeDocument, WHOLE_DOCUMENT_READ_ONLY } from './whole-document';

// Opened on request: their forms, date pickers and steps stay out of the chunk that opens a plan.
const HistoryDrawer = lazy(() => import('./HistoryDrawer').then((m) => ({ default: m.HistoryDrawer })));
const PlanMetaModal = lazy(() => import('./PlanMetaModal').then((m) => ({ default: m.PlanMetaModal })));
const NoticeModal = lazy(() => import('./NoticeModal').then((m) => ({ default: m.NoticeModal })));

const saveLabels: Record<SaveState, string> = { saved: '已保存', dirty: '有未保存的修改', saving: '正在保存…', error: '保存失败，将重试', stale: '未保存：已在别处修改' };

/** Plain and fixed in size, without transitions: a save repaints these few characters and nothing around them. */
function SaveStateTag({ status }: { status: SaveStatusStore }) {
  const state = useSaveStatus(status, (x) => x.state);
  // The time as shown, not the Date: a save made while typing goes on (still "dirty") repaints nothing here.
  const at = useSaveStatus(status, (x) => (x.state === 'saved' && x.savedAt ? ` ${clockTime(x.savedAt)}` : ''));
  return (
    <span className="save-state" data-testid="save-state" data-state={state}>
      {saveLabels[state]}
      {at}
    </span>
  );
}

function CharCount({ status }: { status: SaveStatusStore }) {
  const chars = useSaveStatus(status, (x) => x.charCount);
  return <span className="char-count" data-testid="char-count">{groupDigits(chars)} 字</span>;
}

/** Checks run over the whole plan: refreshed at most every 15 s of saving, not on every autosave. */
function LiveChecks({ status, planId, onJump }: { status: SaveStatusStore; planId: string; onJump: (sectionId: string) => void }) {
  const bucket = useSaveStatus(status, (x) => (x.savedAt ? Math.floor(x.savedAt.getTime() / 15_000) : 0));
  return <ChecksPanel planId={planId} refreshKey={bucket} onJump={onJump} />;
}

/** The lineage of the section under the cursor, as last saved or as the editor holds it now. */
function CursorLineage({ status, cursor, chapterOf, sectionOf, exercise, templateTitle }: { status: SaveStatusStore; cursor: string | null; chapterOf: (id: string) => string | undefined; sectionOf: (chapterId: string, sectionId: string) => PlanSection | null; exercise?: ClauseExercise[]; templateTitle?: string | null }) {
  // Saves made while typing goes on leave the panel as it is (re-reading the section under the caret each second
  // would cost the keystrokes around it); the save that settles once typing pauses refreshes it.
  const settled = useSaveStatus(status, (x) => (x.state === 'saved' ? x.saves : null));
  const shown = useRef<string | null>(null);
  const [section, setSection] = useState<PlanSection | null>(null);
  // An effect, not a memo: it runs after the chapter editors' own effects have loaded their content.
  useEffect(() => {
    if (settled === null && cursor === shown.current) return;
    shown.current = cursor;
    const c = cursor ? chapterOf(cursor) : undefined;
    const next = c && cursor ? sectionOf(c, cursor) : null;
    // Most saves leave the panel as it is (same section, title, and still equal or not to the template): keep it.
    setSection((prev) => (prev && next && prev.id === next.id && prev.title === next.title && sameAsTemplate(prev) === sameAsTemplate(next) ? prev : next));
  }, [cursor, settled, chapterOf, sectionOf]);
  return <LineagePanel section={section} templateTitle={templateTitle} exercise={exercise?.find((x) => x.sectionId === section?.id)} />;
}

/** `history`: opened from a 已由 Vn 修订 link, with 版本与状态 open. */
export function PlanEditorPage({ id, sectionId, history }: { id: string; sectionId?: string; history?: boolean }) {
  const [plan, setPlan] = useState<PlanDetail>();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string>();
  useEffect(() => {
    requestOnce('plan.get', { id }).then(setPlan, (e: unknown) => setError(errorText(e)));
  }, [id]);
  const replace = useCallback((p: PlanDetail) => {
    setPlan(p);
    setVersion((v) => v + 1);
  }, []);
  if (error) return <Alert type="error" showIcon message="无法打开预案" description={error} action={<Button onClick={() => navigate('plans')}>返回预案库</Button>} />;
  if (!plan) return <Spin />;
  return <PlanWorkspace key={version} plan={plan} focusSection={version === 0 ? sectionId : undefined} openHistory={version === 0 && history} onReplace={replace} onMeta={setPlan} />;
}

function PlanWorkspace({ plan, focusSection: initialSection, openHistory, onReplace, onMeta }: { plan: PlanDetail; focusSection?: string; openHistory?: boolean; onReplace: (p: PlanDetail) => void; onMeta: (p: PlanDetail) => void }) {
  const app = AntApp.useApp();
  const { message } = app;
  const [finding, setFinding] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(openHistory === true);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [metaOpen, setMetaOpen] = useState(false);
  const activeChapter = useRef<string | null>(null);
  const onError = useCallback((text: string) => message.error({ content: text, key: 'save-error' }), [message]);
  const s = usePlanSession(plan, onError);
  // Once another window saved the plan, this one's copy is outdated: typing on would only lose more.
  const readOnly = plan.status === 'published' || plan.status === 'abolished' || !!s.stale;

  const requests = useLoad(() => request('request.list', { planId: plan.id }), [plan.id]);
  const exercise = useLoad(() => request('plan.clause-exercise', { planId: plan.id }), [plan.id]);
  const marks = useMemo(() => new Map((requests.data ?? []).filter((r) => r.status === 'open').flatMap((r) => r.sectionIds.map((id) => [id, 'request'] as const))), [requests.data]);
  // A name the profile left unfilled may be in the title or lead unit alone (〔区名〕): it is offered here too.
  const unfilled = useMemo(() => [...new Set([...plan.doc.sections.flatMap((x) => placeholderKeys(x.body)), ...titleKeys(`${plan.title}${plan.leadUnit ?? ''}`, plan.doc.placeholders)])], [plan]);
  const outlineItems: OutlineItem[] = useMemo(() => s.order.flatMap((c) => (s.outlines.get(c) ?? []).map((h) => ({ ...h, number: s.numbers.get(h.id) ?? '' }))), [s.order, s.outlines, s.numbers]);
  const chapterOf = useCallback((sectionId: string) => s.order.find((c) => (s.outlines.get(c) ?? []).some((h) => h.id === sectionId)), [s.order, s.outlines]);
  const editorList = useCallback(() => s.order.flatMap((c) => { const e = s.editors.current.get(c); return e ? [[c, e] as [string, typeof e]] : []; }), [s.order, s.editors]);

  const { pending, mountNow } = useLateChapters(s.chapters, initialSection ?? plan.cursorSectionId);
  const docPage = useRef<HTMLDivElement>(null);
  const whole = useWholeDocument({
    docPage,
    editorOf: (c) => s.editors.current.get(c),
    mountAll: () => {
      mountNow('all');
      return editorList().map(([, e]) => e);
    },
    sections: () => s.chapters.flatMap((c) => s.collect(c.id) ?? c.sections),
    numbers: s.numbers,
    refuse: (text) => void message.warning({ content: text, key: 'whole-document' }),
  });
  // Toolbar actions on the whole plan selected are refused: they would act on one chapter's hidden selection.
  const active = useCallback(() => {
    if (whole.isOn()) {
      message.warning({ content: WHOLE_DOCUMENT_READ_ONLY, key: 'whole-document' });
      return undefined;
    }
    return s.editors.current.get(activeChapter.current ?? s.order[0] ?? '');
  }, [s.editors, s.order, whole, message]);
  const jump = useCallback(
    (sectionId: string) => {
      const c = chapterOf(sectionId);
      if (c) mountNow([c]);
      const e = c && s.editors.current.get(c);
      if (e) {
        activeChapter.current = c!;
        focusSection(e, sectionId);
        s.reports.onCursor(c!, sectionId);
      }
    },
    [chapterOf, s.editors, s.reports, mountNow],
  );
  const needChapter = useCallback((chapterId: string) => mountNow([chapterId]), [mountNow]);

  // Reopening puts the cursor back in the section it was in (or where a search hit points).
  useEffect(() => {
    const target = initialSection ?? plan.cursorSectionId;
    if (target) requestAnimationFrame(() => jump(target));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fill = async (key: string, value: string) => {
    try {
      await s.saveBeforeChange();
      onReplace(await request('plan.fill-placeholder', { id: plan.id, key, value }));
      message.success(`已将“${key}”填写为“${value}”`);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const { saveBeforeChange, addChapter } = s;
  const move = useCallback(
    async (sectionId: string, beforeId: string | null) => {
      try {
        await saveBeforeChange();
        onReplace(await request('plan.move-section', { id: plan.id, sectionId, beforeId }));
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [saveBeforeChange, onReplace, plan.id, message],
  );
  // A new chapter goes to the end of the body or of the annexes: once its editor is there, show it and select its title.
  const [added, setAdded] = useState<string | null>(null);
  const onAddChapter = useCallback((k: 'body' | 'annex') => {
    const id = addChapter(k);
    activeChapter.current = id;
    setAdded(id);
  }, [addChapter]);
  useEffect(() => {
    const e = added && s.editors.current.get(added);
    if (!e) return;
    focusSection(e, added, true);
    // Selecting the title is not the planner's input, which is what moves the cursor report: say it, as jump does.
    s.reports.onCursor(added, added);
    setAdded(null);
  }, [added, s.editors, s.chapters, s.reports]);
  const onFind = useCallback(() => {
    mountNow('all');
    setFinding(true);
  }, [mountNow]);
  const updateMeta = async (patch: { title?: string; numbering?: 'official' | 'decimal' }) => {
    try {
      await s.saveBeforeChange();
      onMeta(await request('plan.update-meta', { id: plan.id, ...patch }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const placeholderActions: PlaceholderActions = useMemo(
    () => ({
      label: (k) => plan.doc.placeholders.find((p) => p.key === k)?.label ?? k,
      fill: (k) => document.querySelector<HTMLInputElement>(`[data-testid="fill-${CSS.escape(k)}"]`)?.focus(),
    }),
    [plan.doc.placeholders],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (whole.onKeyDown(e)) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void s.saveNow();
    } else if (mod && (e.key.toLowerCase() === 'f' || e.key.toLowerCase() === 'h')) {
      e.preventDefault();
      onFind();
    } else if (mod && e.altKey && ['0', '2', '3', '4'].includes(e.key)) {
      e.preventDefault();
      const ed = active();
      if (ed) setBlockType(ed, e.key === '0' ? 'paragraph' : (Number(e.key) as 2 | 3 | 4));
    }
  };

  const exportThis = async () => {
    await s.saveNow();
    await exportPlan(app, plan.id);
  };
  useExportCommand(() => void exportThis());

  // What another window saved replaces this window's outdated copy (its unsaved changes are given up, as the banner says).
  const reopen = async () => {
    try {
      onReplace(await request('plan.get', { id: plan.id }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const currentChapter = s.cursor ? chapterOf(s.cursor) : undefined;
  return (
    <div className="plan-editor-page" onKeyDownCapture={onKeyDown}>
      {s.stale && (
        <Alert
          type="error"
          showIcon
          banner
          style={{ marginBottom: 8 }}
          message={s.stale}
          data-testid="plan-stale"
          action={<Button size="small" danger onClick={() => void reopen()}>重新打开预案</Button>}
        />
      )}
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Button size="small" onClick={() => navigate('plans')}>返回预案库</Button>
          <Typography.Title level={4} style={{ margin: 0 }} editable={readOnly ? false : { onChange: (t) => t.trim() && t !== plan.title && void updateMeta({ title: t.trim() }), triggerType: ['text'] }} data-testid="page-title">
            {plan.title}
          </Typography.Title>
          <Tag data-testid="plan-code">{plan.code}</Tag>
          {plan.leadUnit && <Tag data-testid="plan-lead-unit">牵头：{plan.leadUnit}</Tag>}
          {!readOnly && <Button size="small" type="link" onClick={() => setMetaOpen(true)} data-testid="edit-meta">编辑预案信息</Button>}
          <Tag color={plan.status === 'published' ? 'green' : 'default'}>{planStatusLabels[plan.status]}</Tag>
          {plan.templateTitle && <Tag color="blue">依据：{plan.templateTitle}（{plan.templateRevision}）</Tag>}
        </Space>
        <Space>
          <Button size="small" onClick={() => setHistoryOpen(true)} data-testid="open-history">版本与状态</Button>
          <Button size="small" type="primary" onClick={exportThis} data-testid="export-docx">导出 Word</Button>
          <Button size="small" onClick={() => setNoticeOpen(true)} data-testid="export-notice">印发通知</Button>
          <Select
            size="small"
            disabled={readOnly}
            value={plan.doc.numbering}
            onChange={(v) => void updateMeta({ numbering: v })}
            options={[{ value: 'decimal', label: '编号 1 / 1.1 / 1.1.1' }, { value: 'official', label: '编号 一、（一）1.（1）' }]}
            data-testid="numbering-style"
          />
          <CharCount status={s.status} />
          <SaveStateTag status={s.status} />
        </Space>
      </Space>
      {readOnly && <Alert type="info" showIcon style={{ marginBottom: 8 }} message="已发布的预案不可修改；修订请在“版本与状态”中创建修订稿。" />}
      {plan.upstreamRevision && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="upstream-alert"
          message={`上位预案已修订，待修订：《${plan.templateTitle ?? ''}》已有 ${plan.upstreamRevision} 年修订版`}
          action={!readOnly && <Button size="small" type="primary" onClick={() => navigate('plans', plan.id, 'merge', plan.upstreamRevision!)} data-testid="open-merge">查看变化并合并</Button>}
        />
      )}
      {!readOnly && <EditorToolbar active={active} onAddChapter={onAddChapter} onFind={onFind} />}
      {finding && <FindBar editors={editorList} onClose={() => setFinding(false)} />}
      <div className="plan-workspace">
        <OutlinePanel items={outlineItems} current={s.cursor} onJump={jump} onMove={move} />
        <div
          className="plan-scroll"
          onFocus={(e) => {
            const c = (e.target as HTMLElement).closest<HTMLElement>('[data-chapter-id]')?.dataset.chapterId;
            if (c) activeChapter.current = c;
          }}
        >
          <PlaceholderContext.Provider value={placeholderActions}>
            <div className="doc-page" data-testid="doc-page" ref={docPage} tabIndex={-1}>
              {s.chapters.map((c) =>
                pending.has(c.id) ? (
                  <PendingChapter key={c.id} chapter={c} number={s.numbers.get(c.id) ?? ''} onNeed={needChapter} />
                ) : (
                  <ChapterEditor key={c.id} chapterId={c.id} sections={c.sections} numbers={s.numbers} marks={marks} reports={s.reports} register={s.register} readOnly={readOnly} />
                ),
              )}
            </div>
          </PlaceholderContext.Provider>
        </div>
        <div className="side-panel">
          <PlaceholderList values={plan.doc.placeholders} unfilled={unfilled} onFill={fill} />
          <LiveChecks status={s.status} planId={plan.id} onJump={jump} />
          <CursorLineage status={s.status} cursor={s.cursor} chapterOf={chapterOf} sectionOf={s.sectionOf} exercise={exercise.data} templateTitle={plan.templateTitle} />
          <RequestsPanel planId={plan.id} requests={requests.data ?? []} titleOf={(id) => outlineItems.find((o) => o.id === id)?.title ?? id} onJump={jump} onChanged={requests.reload} />
          {!readOnly && currentChapter && s.order.length > 1 && (
            <Popconfirm title={`删除“${s.numbers.get(currentChapter) ?? ''} ${outlineItems.find((o) => o.id === currentChapter)?.title ?? ''}”整章及其全部内容？`} description="删除后自动保存，不能撤销；如需找回请使用版本记录。" okText="删除" cancelText="取消" onConfirm={() => s.removeChapter(currentChapter)}>
              <Button danger size="small">删除当前章</Button>
            </Popconfirm>
          )}
        </div>
      </div>
      <Suspense fallback={null}>
        {noticeOpen && <NoticeModal planId={plan.id} onClose={() => setNoticeOpen(false)} />}
        {metaOpen && <PlanMetaModal plan={plan} beforeChange={s.saveBeforeChange} onSaved={onMeta} onClose={() => setMetaOpen(false)} />}
        {historyOpen && <HistoryDrawer plan={plan} beforeChange={s.saveBeforeChange} onChanged={(p, docChanged) => (docChanged ? onReplace(p) : onMeta(p))} onClose={() => setHistoryOpen(false)} />}
      </Suspense>
    </div>
  );
}
