// A finding's injects and run-log entries as links: each opens the script at that inject or the run log at that
// entry, so the coordinator can follow a finding back to what it rests on.
import { Button, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { EvaluationReport, Finding } from '@shared/schemas/evaluation';
import { injectNumbers } from '@shared/script-checks';
import { clockTime } from '../../components/format';
import { navigate } from '../../route';

const SHORT = 24;
const short = (s: string) => (s.length > SHORT ? `${s.slice(0, SHORT)}…` : s);

/** The report's injects (with their 第N条 numbers) and log entries by id, looked up once per report. */
export function useEvidenceLookup(report: EvaluationReport | null | undefined) {
  return useMemo(() => {
    const script = report?.script ?? { phases: [], injects: [], roster: [] };
    return { numbers: injectNumbers(script), injects: new Map(script.injects.map((i) => [i.id, i])), events: new Map((report?.events ?? []).map((e) => [e.id, e])) };
  }, [report]);
}
export type EvidenceLookup = ReturnType<typeof useEvidenceLookup>;

/** One line of links; an entry without a target (deleted since) is said, not linked. */
function LinkLine({ label, testId, links }: { label: string; testId: string; links: { id: string; text: string | null; missing: string; open: () => void }[] }) {
  if (links.length === 0) return null;
  return (
    <Space size={0} wrap data-testid={`${testId}s`} style={{ display: 'flex' }}>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {links.map((l) =>
        l.text === null ? (
          <Typography.Text key={l.id} type="secondary" style={{ padding: '0 7px' }}>{l.missing}</Typography.Text>
        ) : (
          <Button key={l.id} size="small" type="link" title={l.text} onClick={l.open} data-testid={testId}>
            {short(l.text)}
          </Button>
        ),
      )}
    </Space>
  );
}

export function FindingEvidenceLinks({ drillId, finding, lookup }: { drillId: string; finding: Finding; lookup: EvidenceLookup }) {
  const injects = finding.injectIds.map((id) => {
    const inject = lookup.injects.get(id);
    return { id, text: inject ? `第${lookup.numbers.get(id)}条 ${inject.scene}` : null, missing: '已删除的注入', open: () => navigate('scripts', drillId, 'inject', id) };
  });
  const records = finding.observationIds.map((id) => {
    const e = lookup.events.get(id);
    return { id, text: e ? `${clockTime(new Date(e.at))} ${e.text}` : null, missing: '找不到的记录', open: () => navigate('scripts', drillId, 'run', 'entry', id) };
  });
  return (
    <>
      <LinkLine label="相关注入" testId="finding-inject-link" links={injects} />
      <LinkLine label="相关记录" testId="finding-observation-link" links={records} />
    </>
  );
}
