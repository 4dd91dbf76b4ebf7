// Right panel: placeholders still to fill, and the lineage of the section under the cursor.
import { Button, Card, Collapse, Empty, Input, Space, Tag, Typography } from 'antd';
import { memo, useState } from 'react';
import { blocksText, type PlaceholderValue, type PlanSection } from '@shared/doc-model';
import type { ClauseExercise } from '@shared/schemas/evaluation';
import { BlockView } from '../../components/BlockView';

export function PlaceholderList({ values, unfilled, onFill }: { values: PlaceholderValue[]; unfilled: string[]; onFill: (key: string, value: string) => void }) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  const pending = unfilled.map((key) => values.find((v) => v.key === key) ?? { key, label: key, value: '' });
  return (
    <Card size="small" title={`待填写的占位符（${pending.length}）`} data-testid="placeholder-panel">
      {pending.length === 0 ? (
        <Typography.Text type="secondary">全部占位符均已填写。</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {pending.map((p) => (
            // The name above its field: beside it, a long name (区人民政府名称) left the field too narrow to read.
            <div key={p.key}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.label}
              </Typography.Text>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  aria-label={p.label}
                  value={draft[p.key] ?? ''}
                  placeholder="填写后全文替换"
                  onChange={(e) => setDraft({ ...draft, [p.key]: e.target.value })}
                  onPressEnter={() => draft[p.key]?.trim() && onFill(p.key, draft[p.key]!.trim())}
                  data-testid={`fill-${p.key}`}
                />
                <Button type="primary" disabled={!draft[p.key]?.trim()} onClick={() => onFill(p.key, draft[p.key]!.trim())}>
                  填写
                </Button>
              </Space.Compact>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

function Exercise({ exercise }: { exercise?: ClauseExercise }) {
  if (!exercise) return null;
  return (
    <div style={{ marginTop: 8 }} data-testid="clause-exercise">
      {exercise.lastDrill ? (
        <div>
          最近演练：{exercise.lastDrill.date} {exercise.lastDrill.name}
          {exercise.lastDrill.grade && <Tag style={{ marginLeft: 4 }}>{exercise.lastDrill.grade}</Tag>}
        </div>
      ) : (
        <Typography.Text type="secondary">该条款尚未经过演练检验。</Typography.Text>
      )}
      {exercise.changedSinceDrill && <Tag color="orange" data-testid="changed-since-drill">演练后已修改，建议再次演练</Tag>}
      {exercise.testedBy.length > 0 && <div style={{ fontSize: 12, color: '#8c8c8c' }}>检验该条款的注入：{exercise.testedBy.map((t) => `${t.drillName}·${t.scene}`).join('；')}</div>}
    </div>
  );
}

/** Whether a section still reads as the template clause it came from (null: it came from none). */
export function sameAsTemplate(section: PlanSection): boolean | null {
  const l = section.lineage;
  return l ? section.title === l.baseTitle && blocksText(section.body) === blocksText(l.baseBody) : null;
}

export const LineagePanel = memo(function LineagePanel({ section, exercise, templateTitle }: { section: PlanSection | null; exercise?: ClauseExercise; templateTitle?: string | null }) {
  if (!section) return <Card size="small" title="条款来源"><Empty description="将光标放在任一章节中查看其来源" image={Empty.PRESENTED_IMAGE_SIMPLE} /></Card>;
  const l = section.lineage;
  if (!l) {
    return (
      <Card size="small" title="条款来源" data-testid="lineage-panel">
        <Typography.Text strong>{section.title}</Typography.Text>
        <div><Tag>本区新增</Tag>该章节不来自上位预案模板。</div>
        <Exercise exercise={exercise} />
      </Card>
    );
  }
  const same = sameAsTemplate(section);
  return (
    <Card size="small" title="条款来源" data-testid="lineage-panel">
      <Typography.Text strong>{section.title}</Typography.Text>
      {/* Named as the planner knows them; the stable ids stay in the tooltip for whoever needs them. */}
      <div style={{ margin: '6px 0' }} title={`模板 ${l.templateId} · 修订 ${l.revision} · 条款 ${l.clauseId}`} data-testid="lineage-source">
        来自{templateTitle ? `《${templateTitle}》` : '上位预案模板'}（{l.revision}年修订）的条款“{l.baseTitle}”
      </div>
      {same ? <Tag color="green" data-testid="lineage-same">与模板原文一致</Tag> : <Tag color="orange" data-testid="lineage-changed">已修改（与模板原文不同）</Tag>}
      <Collapse
        size="small"
        ghost
        items={[{ key: 'base', label: '查看模板原文', children: <div className="doc-page" style={{ padding: 8, boxShadow: 'none', fontSize: 14 }}><div className="doc-h">{l.baseTitle}</div><BlockView blocks={l.baseBody} /></div> }]}
      />
      <Exercise exercise={exercise} />
    </Card>
  );
});
