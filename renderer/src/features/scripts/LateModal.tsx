// L: an overdue inject goes out late. Asks how late (proposed from the clock) and why; Enter records it.
import { Form, Input, Modal, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { delayInput, formatDelay, parseDelay } from '@shared/run-rules';

export interface LateTarget {
  injectId: string;
  label: string;
  /** How late the inject is by the drill clock at this moment, in seconds. */
  delayNow: () => number;
}

export function LateModal({ target, onClose, onLog }: { target: LateTarget; onClose: () => void; onLog: (delaySec: number, reason: string) => Promise<boolean> }) {
  const [delay, setDelay] = useState(() => delayInput(target.delayNow()));
  const [typed, setTyped] = useState(false);
  const [reason, setReason] = useState('');
  const input = useRef<InputRef>(null);
  const sec = parseDelay(delay);
  // Until the coordinator types her own figure the proposal follows the clock (typing the reason takes
  // time), and what is recorded is the figure shown: "记为晚 6秒" that records 13 s reads as a bug.
  useEffect(() => {
    if (typed) return;
    const tick = window.setInterval(() => {
      const el = input.current?.input;
      // Still wholly selected (as on open): keep it so, so that typing replaces the figure, not appends.
      const whole = el !== null && el !== undefined && document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length;
      setDelay(delayInput(target.delayNow()));
      if (whole) requestAnimationFrame(() => el.select());
    }, 1000);
    return () => window.clearInterval(tick);
  }, [typed, target]);
  const submit = async () => {
    if (sec !== null && (await onLog(sec, reason.trim()))) onClose();
  };
  return (
    <Modal open title={`延迟下达：${target.label}`} okText="记录" okButtonProps={{ disabled: sec === null }} onOk={submit} onCancel={onClose} destroyOnHidden>
      <Form layout="vertical" data-testid="late-form">
        <Form.Item
          label="比计划晚了多久"
          validateStatus={sec === null ? 'error' : undefined}
          help={sec === null ? '请填写分钟数（如 5）或 分:秒（如 3:20）' : `记为晚 ${formatDelay(sec)}`}
        >
          {/* Selected on open: accept the clock's figure with Enter, or type over it. */}
          <Input ref={input} autoFocus onFocus={(e) => e.target.select()} value={delay} onChange={(e) => { setTyped(true); setDelay(e.target.value); }} onPressEnter={submit} style={{ width: 160 }} data-testid="late-delay" />
        </Form.Item>
        <Form.Item label="原因（可不填）">
          <Input value={reason} onChange={(e) => setReason(e.target.value)} onPressEnter={submit} maxLength={500} placeholder="如：接收方未到位" data-testid="late-reason" />
        </Form.Item>
        <Typography.Text type="secondary">按 Enter 记录；下达时间记为现在。</Typography.Text>
      </Form>
    </Modal>
  );
}
