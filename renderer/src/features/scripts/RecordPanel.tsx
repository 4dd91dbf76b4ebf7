// Observations (O) and player actions (A): typed here, logged with Enter. Typing re-renders only this card.
import { Button, Card, Input, Select, Space } from 'antd';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { LogInput } from './use-run';

export interface RecordPanelHandle {
  focusObservation(): void;
  focusAction(): void;
}

const OBSERVATION_TAGS = ['指挥协调', '信息报告', '处置行动', '资源装备', '安全', '公共沟通'].map((t) => ({ value: t, label: t }));

interface Props {
  injectOptions: { value: string; label: string }[];
  /** Players answer what was last put to them: entries default to the last delivered inject. */
  lastDelivered: string | null;
  log: (e: LogInput) => Promise<boolean>;
}

/** The action box alone: clearing it after Enter re-renders one input, not the observation form. */
const ActionInput = memo(
  forwardRef<HTMLInputElement | null, { onLog: (text: string) => Promise<boolean> }>(function ActionInput({ onLog }, ref) {
    const [action, setAction] = useState('');
    const logAction = async () => {
      if (action.trim() && (await onLog(action.trim()))) setAction('');
    };
    return (
      <Input
        ref={(r) => {
          if (typeof ref === 'function') ref(r?.input ?? null);
          else if (ref) ref.current = r?.input ?? null;
        }}
        placeholder="参演行动：按 Enter 记录"
        value={action}
        onChange={(e) => setAction(e.target.value)}
        onPressEnter={logAction}
        data-testid="action-input"
      />
    );
  }),
);

export const RecordPanel = memo(
  forwardRef<RecordPanelHandle, Props>(function RecordPanel({ injectOptions, lastDelivered, log }, ref) {
    const [observation, setObservation] = useState('');
    const [obsInject, setObsInject] = useState<string | null>(null);
    const [tags, setTags] = useState<string[]>([]);
    const [evaluator, setEvaluator] = useState('');
    const obsRef = useRef<HTMLTextAreaElement | null>(null);
    const actRef = useRef<HTMLInputElement | null>(null);
    useImperativeHandle(ref, () => ({ focusObservation: () => obsRef.current?.focus(), focusAction: () => actRef.current?.focus() }), []);
    // Read through a ref so the action box keeps one callback while deliveries come and go.
    const lastRef = useRef(lastDelivered);
    useEffect(() => {
      lastRef.current = lastDelivered;
    }, [lastDelivered]);
    const logAction = useCallback((text: string) => log({ type: 'action', text, injectId: lastRef.current }), [log]);

    const logObservation = async () => {
      if (!observation.trim()) return;
      if (await log({ type: 'observation', text: observation.trim(), injectId: obsInject ?? lastDelivered, tags, actor: evaluator })) {
        setObservation('');
        setTags([]);
      }
    };
    return (
      <Card size="small" title="记录（O 观察 · A 行动）">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            ref={(r) => {
              obsRef.current = r?.resizableTextArea?.textArea ?? null;
            }}
            rows={2}
            placeholder="观察记录：按 Enter 记录（Shift+Enter 换行）"
            value={observation}
            onChange={(e) => setObservation(e.target.value)}
            onPressEnter={(e) => {
              if (!e.shiftKey) {
                e.preventDefault();
                void logObservation();
              }
            }}
            data-testid="observation-input"
          />
          <Space wrap>
            <Select size="small" allowClear placeholder="关联注入（默认最近下达的）" style={{ width: 200 }} value={obsInject} onChange={setObsInject} options={injectOptions} />
            <Select size="small" mode="tags" placeholder="标签" style={{ width: 200 }} value={tags} onChange={setTags} options={OBSERVATION_TAGS} />
            <Input size="small" placeholder="评估人" style={{ width: 120 }} value={evaluator} onChange={(e) => setEvaluator(e.target.value)} />
            <Button size="small" type="primary" onClick={logObservation} data-testid="log-observation">记录观察</Button>
          </Space>
          <ActionInput ref={actRef} onLog={logAction} />
        </Space>
      </Card>
    );
  }),
);
