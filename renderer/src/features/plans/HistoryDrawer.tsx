// 版本与状态: save a named version, move through the status flow, list versions, compare, restore.
import { App as AntApp, Button, DatePicker, Drawer, Form, Input, List, Modal, Popconfirm, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { PlanDetail } from '@shared/schemas/plan';
import { planStatusLabels, type PlanStatus } from '@shared/vocabulary';
import type { VersionInfo } from '@shared/schemas/revision';
import { errorText, request } from '../../api/client';
import { DepartmentInput } from '../../components/DepartmentInput';
import { useLoad } from '../../components/use-load';
import { CompareDrawer } from './CompareDrawer';
import { FLOW, skippedStages } from './status-steps';
import { closableRequests, ResolveOnSaveField, type ClosableRequest } from './ResolveOnSave';

const NEXT: Record<PlanStatus, PlanStatus[]> = {
  draft: ['consultation', 'review', 'published'],
  consultation: ['review', 'draft'],
  review: ['published', 'draft'],
  published: ['draft', 'abolished'],
  abolished: [],
};
const actionLabels: Record<PlanStatus, string> = { draft: '退回草稿 / 创建修订稿', consultation: '征求意见', review: '送审', published: '发布', abolished: '废止' };
const kindLabels: Record<VersionInfo['kind'], string> = { manual: '版本', published: '发布版', merge: '合并上位修订', restore: '恢复' };

export function HistoryDrawer({ plan, beforeChange, onChanged, onClose }: { plan: PlanDetail; beforeChange: () => Promise<void>; onChanged: (p: PlanDetail, docChanged: boolean) => void; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const history = useLoad(() => request('plan.history', { id: plan.id }), [plan.id, plan.status]);
  const [versionModal, setVersionModal] = useState(false);
  const [statusTo, setStatusTo] = useState<PlanStatus | null>(null);
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const [form] = Form.useForm();
  const versions = history.data?.versions ?? [];
  const record = history.data?.revisionRecord ?? [];
  // A stage the plan went past without passing through (published straight from 草稿) is not shown as done.
  const skipped = skippedStages(plan.status, history.data?.statusEvents ?? []);
  // Versions shown with their own numbers (V1, V2…, internal ones too); the 修订记录 numbers only the revisions it lists.
  const recordNo = new Map(record.map((r) => [r.versionId, r.no]));

  const run = async (fn: () => Promise<PlanDetail | unknown>, ok: string, docChanged = false) => {
    try {
      await beforeChange();
      const r = await fn();
      message.success(ok);
      history.reload();
      if (r && typeof r === 'object' && 'doc' in r) onChanged(r as PlanDetail, docChanged);
      return true;
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span> });
      return false;
    }
  };

  const [saving, setSaving] = useState(false);
  const [closable, setClosable] = useState<ClosableRequest[]>([]);
  /** The draft saved first, so the core judges which requests its changes answer; all of them offered, checked. */
  const offerClosable = async () => {
    try {
      await beforeChange();
      const options = await closableRequests(plan);
      setClosable(options);
      form.setFieldValue('resolveRequests', options.map((o) => o.value));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const openVersionModal = async () => {
    form.resetFields();
    setClosable([]);
    setVersionModal(true);
    await offerClosable();
  };
  // 发布 saves the published version: it closes the requests whose clauses the revision changed, as 保存版本 does.
  const openStatusModal = async (to: PlanStatus) => {
    form.resetFields();
    form.setFieldsValue({ date: dayjs() });
    setClosable([]);
    setStatusTo(to);
    if (to === 'published') await offerClosable();
  };
  const saveVersion = async () => {
    if (saving) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (await run(() => request('plan.save-version', { id: plan.id, note: v.note, author: v.author ?? '', resolveRequests: v.resolveRequests ?? [] }), v.resolveRequests?.length ? `已保存版本，并销号 ${v.resolveRequests.length} 项修订请求` : '已保存版本')) setVersionModal(false);
    } finally {
      setSaving(false);
    }
  };
  const changeStatus = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await run(
      () => request('plan.set-status', { id: plan.id, to: statusTo!, date: (v.date as dayjs.Dayjs).format('YYYY-MM-DD'), actor: v.actor ?? '', department: v.department ?? '', note: v.note ?? '', ...(statusTo === 'published' ? { resolveRequests: v.resolveRequests ?? [] } : {}) }),
      `状态已改为“${planStatusLabels[statusTo!]}”${statusTo === 'published' && v.resolveRequests?.length ? `，并销号 ${v.resolveRequests.length} 项修订请求` : ''}`,
    );
    if (ok) setStatusTo(null);
  };

  return (
    <Drawer open width={640} title="版本与状态" onClose={onClose} data-testid="history-drawer">
      <Steps
        className="plan-status-steps"
        size="small"
        current={plan.status === 'abolished' ? 4 : FLOW.indexOf(plan.status)}
        status={plan.status === 'abolished' ? 'error' : 'process'}
        items={[...FLOW, 'abolished' as const].map((s) =>
          skipped.has(s) ? { title: planStatusLabels[s], status: 'wait' as const, content: '未经过', className: 'status-step-skipped' } : { title: planStatusLabels[s] },
        )}
        style={{ marginBottom: 16 }}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => void openVersionModal()} disabled={plan.status === 'published' || plan.status === 'abolished'} data-testid="save-version">保存版本</Button>
        {NEXT[plan.status].map((to) => (
          <Button key={to} onClick={() => void openStatusModal(to)} data-testid={`status-${to}`} danger={to === 'abolished'}>
            {to === 'draft' && plan.status === 'published' ? '创建修订稿' : actionLabels[to]}
          </Button>
        ))}
      </Space>
      {plan.nextReviewDate && <Typography.Paragraph>下次评估日期：{plan.nextReviewDate}（发布后原则上每3年评估一次）</Typography.Paragraph>}

      <Typography.Title level={5}>版本记录</Typography.Title>
      <List
        size="small"
        dataSource={versions}
        locale={{ emptyText: '尚未保存版本。阶段性成果请“保存版本”并写明修订说明。' }}
        renderItem={(v, i) => (
          <List.Item
            data-testid="version-item"
            actions={[
              i < versions.length - 1 && <Button key="p" size="small" type="link" onClick={() => setCompare({ from: versions[i + 1]!.id, to: v.id })}>对比上一版</Button>,
              <Button key="d" size="small" type="link" onClick={() => setCompare({ from: v.id, to: 'draft' })}>与草稿对比</Button>,
              <Popconfirm key="r" title={`用 V${v.seq} 替换当前草稿？`} description="当前草稿的内容可在版本记录中找回（请先保存版本）。" okText="恢复" onConfirm={() => run(() => request('plan.restore-version', { id: plan.id, versionId: v.id }), `已恢复 V${v.seq} 为草稿`, true)}>
                <Button size="small" type="link">恢复</Button>
              </Popconfirm>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap size={[8, 4]}>
                  <Tag>V{v.seq}</Tag>
                  <Tag color={v.kind === 'published' ? 'green' : v.kind === 'merge' ? 'blue' : 'default'}>{v.internal ? '自动备份' : kindLabels[v.kind]}</Tag>
                  <span style={{ whiteSpace: 'nowrap' }}>{new Date(v.createdAt).toLocaleString('zh-CN')}</span>
                  {v.author && <span>{v.author}</span>}
                  {recordNo.has(v.id) ? (
                    <Tag bordered={false} data-testid="version-record-no">修订记录第{recordNo.get(v.id)}条</Tag>
                  ) : (
                    <Tag bordered={false} data-testid="version-not-in-record">不列入修订记录</Tag>
                  )}
                </Space>
              }
              description={<span style={{ whiteSpace: 'pre-line' }}>{v.note}</span>}
            />
          </List.Item>
        )}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>状态变更</Typography.Title>
      <Timeline
        items={(history.data?.statusEvents ?? []).map((e) => ({
          children: `${e.date} ${planStatusLabels[e.from]} → ${planStatusLabels[e.to]}${e.department ? ` · ${e.department}` : ''}${e.actor ? ` · ${e.actor}` : ''}${e.note ? `：${e.note}` : ''}`,
        }))}
      />

      <Typography.Title level={5}>修订记录（导出时附于预案）</Typography.Title>
      <Typography.Paragraph type="secondary">自动备份和恢复不列入修订记录；序号按所列修订连续编排，导出的预案只印序号，“版本”列对应上方版本记录的编号。</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="versionId"
        dataSource={record}
        data-testid="revision-record"
        columns={[
          { title: '序号', dataIndex: 'no', width: 60 },
          { title: '版本', dataIndex: 'version', width: 70, render: (label: string) => <Typography.Text type="secondary">{label}</Typography.Text> },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '修订说明', dataIndex: 'note', render: (n: string) => <span style={{ whiteSpace: 'pre-line' }}>{n}</span> },
        ]}
      />

      <Modal open={versionModal} title="保存版本" onOk={saveVersion} confirmLoading={saving} onCancel={() => setVersionModal(false)} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="修订说明" rules={[{ required: true, message: '请填写修订说明' }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder="如：根据2025年演练评估意见，修改信息报告时限" data-testid="version-note" />
          </Form.Item>
          <Form.Item name="author" label="修订人">
            <Input maxLength={40} />
          </Form.Item>
          <ResolveOnSaveField options={closable} />
        </Form>
      </Modal>
      <Modal open={statusTo !== null} title={statusTo ? (statusTo === 'draft' && plan.status === 'published' ? '创建修订稿' : actionLabels[statusTo]) : ''} onOk={changeStatus} onCancel={() => setStatusTo(null)} okText="确定" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="department" label="部门">
            <DepartmentInput placeholder="经办或审批部门（可直接填写）" data-testid="status-department" />
          </Form.Item>
          <Form.Item name="actor" label="经办人">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {statusTo === 'published' && <ResolveOnSaveField options={closable} />}
          {statusTo === 'published' && <Typography.Text type="secondary">发布后本版本不可修改，并自动保存为发布版；下次评估日期为发布日期后3年。</Typography.Text>}
        </Form>
      </Modal>
      {compare && <CompareDrawer planId={plan.id} versions={versions} initial={compare} onClose={() => setCompare(null)} />}
    </Drawer>
  );
}
