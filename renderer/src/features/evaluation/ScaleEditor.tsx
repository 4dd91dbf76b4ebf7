// One criterion's scoring scale in the criteria editor: a full mark, or 2 to 6 named levels each worth a share.
import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Scale } from '@shared/schemas/evaluation';

export const DEFAULT_LEVELS: Scale = { kind: 'levels', levels: [{ label: '达到', value: 1 }, { label: '部分达到', value: 0.5 }, { label: '未达到', value: 0 }] };

type ErrorAt = (path: (string | number)[]) => string | undefined;

/** A problem the core reported at this field, under it. */
export function Problem({ text }: { text?: string }) {
  return text ? <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>{text}</Typography.Text> : null;
}

export function ScaleEditor({ scale, onChange, errorAt }: { scale: Scale; onChange: (s: Scale) => void; errorAt: ErrorAt }) {
  const kind = (
    <Select
      size="small"
      style={{ width: 96 }}
      value={scale.kind}
      onChange={(k) => onChange(k === 'score' ? { kind: 'score', max: 10 } : DEFAULT_LEVELS)}
      options={[{ value: 'score', label: '打分' }, { value: 'levels', label: '选择等级' }]}
      data-testid="criterion-scale-kind"
    />
  );
  if (scale.kind === 'score') {
    return (
      <div>
        <Space size={4}>
          {kind}
          <span>满分</span>
          <InputNumber size="small" style={{ width: 64 }} value={scale.max} onChange={(v) => onChange({ kind: 'score', max: v as number })} status={errorAt(['scale', 'max']) ? 'error' : undefined} data-testid="criterion-max" />
        </Space>
        <Problem text={errorAt(['scale', 'max'])} />
      </div>
    );
  }
  const levels = scale.levels;
  const setLevel = (j: number, patch: Partial<(typeof levels)[number]>) => onChange({ kind: 'levels', levels: levels.map((l, k) => (k === j ? { ...l, ...patch } : l)) });
  return (
    <div>
      {kind}
      {levels.map((l, j) => (
        <div key={j} style={{ marginTop: 4 }}>
          <Space size={4}>
            <Input size="small" style={{ width: 84 }} value={l.label} maxLength={20} onChange={(e) => setLevel(j, { label: e.target.value })} status={errorAt(['scale', 'levels', j, 'label']) ? 'error' : undefined} />
            <InputNumber size="small" style={{ width: 64 }} step={0.1} value={l.value} onChange={(v) => setLevel(j, { value: v as number })} status={errorAt(['scale', 'levels', j, 'value']) ? 'error' : undefined} />
            <Button size="small" type="text" disabled={levels.length <= 2} onClick={() => onChange({ kind: 'levels', levels: levels.filter((_, k) => k !== j) })} aria-label="删除等级">
              ×
            </Button>
          </Space>
          <Problem text={errorAt(['scale', 'levels', j, 'label']) ?? errorAt(['scale', 'levels', j, 'value'])} />
        </div>
      ))}
      {levels.length < 6 && (
        <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onChange({ kind: 'levels', levels: [...levels, { label: '', value: 0 }] })}>
          添加等级
        </Button>
      )}
      <Problem text={errorAt(['scale', 'levels'])} />
    </div>
  );
}
