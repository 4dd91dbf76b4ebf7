// 设置 → 演练频次规则: the drill-frequency rules the programme is checked against, edited as data.
import { DownOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Dropdown, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ComplianceFinding, ComplianceRule } from '@shared/schemas/drill';
import { errorText, request } from '../../api/client';
import { placeFieldErrors } from '../../components/form-errors';
import { useLoad } from '../../components/use-load';
import { useUnsavedGuard } from '../../components/use-unsaved-guard';
import { newSectionId } from '../../editor/ids';

interface RulesForm {
  rules: ComplianceRule[];
}

const KINDS = { 'plan-cycle': '预案演练周期', 'annual-comprehensive': '年度综合演练' } as const;

function newRule(kind: ComplianceRule['kind']): ComplianceRule {
  const id = newSectionId().replace('s-', 'rule-');
  if (kind === 'annual-comprehensive') return { id, kind, label: '', enabled: true, perYear: 1, basis: '' };
  return { id, kind, label: '', enabled: true, years: 3, match: [], basis: '' };
}

/** “3 个预案：1 项已逾期”: what the saved rule finds today, so the effect of a change is visible after saving. */
function outcome(findings: ComplianceFinding[], rule: ComplianceRule | undefined): string {
  if (!rule) return '保存后检查';
  if (!rule.enabled) return '未启用';
  const own = findings.filter((f) => f.ruleId === rule.id);
  const words = { overdue: '已逾期', 'at-risk': '存在风险', unscheduled: '待安排' } as const;
  const bad = (['overdue', 'at-risk', 'unscheduled'] as const).map((s) => [s, own.filter((f) => f.state === s).length] as const).filter(([, n]) => n > 0);
  const states = bad.map(([s, n]) => `${n} 项${words[s]}`).join('，') || '全部满足';
  return rule.kind === 'plan-cycle' ? `${own.length} 个预案：${states}` : states;
}

export function ComplianceRulesCard() {
  const loaded = useLoad(() => request('compliance.get', {}));
  if (!loaded.data) return null;
  return <RulesEditor initial={loaded.data.rules} findings={loaded.data.findings} />;
}

function RulesEditor({ initial, findings }: { initial: ComplianceRule[]; findings: ComplianceFinding[] }) {
  const [form] = Form.useForm<RulesForm>();
  const { message, modal } = AntApp.useApp();
  const [saved, setSaved] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  useUnsavedGuard(dirty, '演练频次规则');

  const settle = (rules: ComplianceRule[]) => {
    form.resetFields();
    form.setFieldsValue({ rules });
    setSaved(rules);
    setDirty(false);
  };
  const save = async () => {
    setSaving(true);
    try {
      settle(await request('compliance.save-rules', { rules: form.getFieldValue('rules') as ComplianceRule[] }));
      // One key: the answer to this save replaces the error of the last one.
      message.success({ key: 'rules-save', content: '演练频次规则已保存，演练计划和工作台已按新规则检查' });
    } catch (e) {
      const fields = placeFieldErrors(form, e);
      message.error({ key: 'rules-save', content: <span style={{ whiteSpace: 'pre-line' }}>{fields.length ? `规则有误，请按标红处修改：\n${fields.map((f) => f.message).join('\n')}` : errorText(e)}</span>, duration: 6 });
    } finally {
      setSaving(false);
    }
  };
  const reset = () =>
    modal.confirm({
      title: '恢复默认规则？',
      content: '将删除本局自定义的规则，恢复软件自带的三条规则（依据国办发〔2024〕5号、国务院令第708号等规定的演练频次）。',
      okText: '恢复默认',
      cancelText: '取消',
      onOk: async () => {
        try {
          settle(await request('compliance.reset-rules'));
          message.success('已恢复默认规则');
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });

  const ruleAt = (i: number) => form.getFieldValue(['rules', i]) as ComplianceRule | undefined;
  return (
    <Card
      title="演练频次规则"
      style={{ marginBottom: 16 }}
      data-testid="rules-card"
      extra={
        <Space>
          {dirty && <Tag color="orange">有未保存的修改</Tag>}
          <Button onClick={reset} data-testid="rules-reset">恢复默认</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="rules-save">保存</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        演练计划和工作台按这些规则检查每个预案的演练周期和每年的综合演练。预案演练周期规则适用于灾种或类别含有任一关键词的预案，不填关键词则适用于全部专项和部门预案。
      </Typography.Paragraph>
      <Form form={form} initialValues={{ rules: initial }} onValuesChange={() => setDirty(JSON.stringify(form.getFieldValue('rules')) !== JSON.stringify(saved))} data-testid="rules-form">
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                data-testid="rules-table"
                locale={{ emptyText: '没有规则：演练计划将不做频次检查。可添加规则或恢复默认。' }}
                columns={[
                  { title: '启用', width: 60, render: (_, f) => <Form.Item name={[f.name, 'enabled']} valuePropName="checked" noStyle><Switch size="small" data-testid="rule-enabled" /></Form.Item> },
                  {
                    title: '规则名称',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'label']} style={{ margin: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={120} placeholder="如：防汛抗旱应急预案每年演练1次" data-testid="rule-label" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '频次',
                    width: 215,
                    render: (_, f) =>
                      ruleAt(f.name)?.kind === 'annual-comprehensive' ? (
                        <Space size={4} align="start">
                          <span style={{ lineHeight: '32px' }}>每年至少</span>
                          <Form.Item name={[f.name, 'perYear']} style={{ margin: 0 }}><InputNumber style={{ width: 64 }} data-testid="rule-per-year" /></Form.Item>
                          <span style={{ lineHeight: '32px' }}>次</span>
                        </Space>
                      ) : (
                        <Space size={4} align="start">
                          <span style={{ lineHeight: '32px' }}>每</span>
                          <Form.Item name={[f.name, 'years']} style={{ margin: 0 }}><InputNumber style={{ width: 64 }} data-testid="rule-years" /></Form.Item>
                          <span style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>年至少 1 次</span>
                        </Space>
                      ),
                  },
                  {
                    title: '适用于',
                    width: 260,
                    render: (_, f) =>
                      ruleAt(f.name)?.kind === 'annual-comprehensive' ? (
                        <Typography.Text type="secondary">综合演练中标为“重点行业领域”或“重大自然灾害”的演练</Typography.Text>
                      ) : (
                        <Form.Item name={[f.name, 'match']} style={{ margin: 0 }}>
                          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ' ']} placeholder="全部预案（可填灾种关键词）" data-testid="rule-match" />
                        </Form.Item>
                      ),
                  },
                  {
                    title: '依据',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'basis']} style={{ margin: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} placeholder="法规、文件名称和条款" />
                      </Form.Item>
                    ),
                  },
                  { title: '当前检查结果', width: 150, render: (_, f) => <Typography.Text type="secondary">{outcome(findings, saved.find((r) => r.id === ruleAt(f.name)?.id))}</Typography.Text> },
                  { title: '', width: 60, render: (_, f) => <Button type="link" danger onClick={() => remove(f.name)} data-testid="rule-remove">删除</Button> },
                ]}
              />
              {/* Opened by a click, not on hover: a hover menu closed when the pointer crossed the table on its way. */}
              <Dropdown
                trigger={['click']}
                menu={{
                  items: (Object.keys(KINDS) as ComplianceRule['kind'][]).map((k) => ({ key: k, label: KINDS[k] })),
                  onClick: ({ key }) => add(newRule(key as ComplianceRule['kind'])),
                }}
              >
                <Button style={{ marginTop: 8 }} data-testid="rule-add">
                  添加规则 <DownOutlined />
                </Button>
              </Dropdown>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
