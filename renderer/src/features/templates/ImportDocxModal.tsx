// 导入市级预案 Word: the city's .docx matched clause by clause to the revision it supersedes, reviewed, saved as a new revision.
import { Alert, App as AntApp, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { TemplateSummary } from '@shared/schemas/template';
import { errorText } from '../../api/client';
import type { PickedFile } from '../../api/files';
import { isChanged, MatchReviewTable } from './MatchReviewTable';
import { useDocxTemplateImport, type ImportStep } from './use-docx-template-import';

const NEW_TEMPLATE = '__new';
const STEP_ORDER: ImportStep['phase'][] = ['send', 'read', 'match'];

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Only what the core has reported: it names its step as it starts it. */
function stepText(step: ImportStep, size: string): string {
  if (step.phase === 'send') return `正在发送文件（${size}）…`;
  if (step.phase === 'read') return '正在读取 Word 文档…';
  if (step.phase === 'match') return `正在识别章节并匹配条款（共 ${step.count ?? 0} 个段落和表格）…`;
  return `正在写入模板文件（${step.count ?? 0} 条）…`;
}

export function ImportDocxModal({ file, templates, onClose, onSaved }: { file: PickedFile; templates: TemplateSummary[]; onClose: () => void; onSaved: (id: string, revision: string) => void }) {
  const imp = useDocxTemplateImport(file);
  const { message } = AntApp.useApp();
  const { form, preview } = imp;
  const size = sizeText(file.bytes.length);
  const templateOptions = useMemo(() => {
    const byId = new Map<string, TemplateSummary>();
    for (const t of templates) if ((byId.get(t.id)?.revisionYear ?? -1) < t.revisionYear) byId.set(t.id, t);
    return [...[...byId.values()].map((t) => ({ value: t.id, label: `${t.hazard} · ${t.title}` })), { value: NEW_TEMPLATE, label: '新模板（不修订现有模板）' }];
  }, [templates]);

  const save = async () => {
    try {
      const r = await imp.save();
      const plans = r.affectedPlans ? `；${r.affectedPlans} 个依据原修订版的区级预案已标记为待合并` : '';
      message.success({ content: `已保存《${r.title}》${r.revision} 修订版：沿用 ${r.carried} 条，新增 ${r.added} 条，删除 ${r.removed} 条${plans}`, duration: 8 });
      onSaved(r.id, r.revision);
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span>, duration: 8 });
    }
  };

  const carried = preview?.clauses.filter((c) => c.matchedFrom !== null) ?? [];
  const footer = (
    <Space>
      {imp.saving && <Typography.Text type="secondary" data-testid="import-step">{stepText(imp.step, size)}</Typography.Text>}
      <Button onClick={onClose} disabled={imp.saving}>取消</Button>
      <Button type="primary" onClick={save} loading={imp.saving} disabled={!preview || !!preview.blocker || !!imp.error || imp.loading} data-testid="import-save">
        保存为新修订
      </Button>
    </Space>
  );

  return (
    <Modal title="导入市级预案 Word" open width={1240} style={{ top: 24 }} onCancel={() => !imp.saving && onClose()} footer={footer} maskClosable={false} destroyOnHidden>
      <Space style={{ marginBottom: 12 }}>
        <Tag>{file.name}</Tag>
        <Typography.Text type="secondary">{size}</Typography.Text>
        <Tag color="green">将作为正式文本保存（非示范文本）</Tag>
      </Space>
      {!preview && !imp.error && (
        <div style={{ padding: '40px 80px' }} data-testid="import-progress">
          <Steps size="small" current={STEP_ORDER.indexOf(imp.step.phase)} items={[{ title: '发送文件' }, { title: '读取文档' }, { title: '识别章节、匹配条款' }]} />
          <div style={{ textAlign: 'center', marginTop: 32 }}>
            <Spin />
            <div style={{ marginTop: 12 }} data-testid="import-step">{stepText(imp.step, size)}</div>
          </div>
        </div>
      )}
      {!preview && imp.error && <Alert type="error" showIcon message="无法导入此文件，模板库未作任何改动" description={<span style={{ whiteSpace: 'pre-line' }}>{imp.error}</span>} data-testid="import-error" />}
      {preview && form && (
        <>
          <Form layout="vertical" size="small" data-testid="import-form">
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item label="修订的模板" extra={preview.previousRevision ? `替代 ${preview.previousRevision} 修订版${preview.guessed ? '（按文件标题推测）' : ''}` : '作为新的模板保存'} style={{ marginBottom: 8 }}>
                  <Select value={form.templateId ?? NEW_TEMPLATE} options={templateOptions} onChange={(v: string) => imp.edit({ templateId: v === NEW_TEMPLATE ? null : v })} data-testid="import-template" />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item label="修订年份" style={{ marginBottom: 8 }}>
                  <InputNumber value={form.revisionYear} min={1949} max={2100} precision={0} style={{ width: '100%' }} onChange={(v) => v && imp.edit({ revisionYear: v })} data-testid="import-year" />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item label="修订版本" style={{ marginBottom: 8 }}>
                  <Input value={form.revision} placeholder={String(form.revisionYear)} onChange={(e) => imp.edit({ revision: e.target.value })} data-testid="import-revision" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item label="预案标题" style={{ marginBottom: 8 }}>
                  <Input value={form.title} onChange={(e) => imp.edit({ title: e.target.value })} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item label="发布机关" style={{ marginBottom: 8 }}>
                  <Input value={form.issuer} placeholder="如：市人民政府办公室" onChange={(e) => imp.edit({ issuer: e.target.value })} data-testid="import-issuer" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <Space wrap style={{ marginBottom: 8 }} data-testid="import-summary">
            <Tag color="green">沿用原条款 {carried.length} 条（其中改写 {carried.filter(isChanged).length} 条）</Tag>
            <Tag color="gold">新增 {preview.clauses.length - carried.length} 条</Tag>
            <Tag color="red">删除 {preview.removed.length} 条</Tag>
            <Typography.Text type="secondary">新条款沿用原条款的编号，依据原修订版编制的区级预案可逐条合并。</Typography.Text>
          </Space>
          {preview.warnings.length > 0 && (
            <Alert
              type="info"
              style={{ marginBottom: 8, padding: '4px 12px', fontSize: 13 }}
              message={<ul style={{ margin: 0, paddingLeft: 18 }}>{preview.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>}
              data-testid="import-warnings"
            />
          )}
          {imp.error && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={imp.error} />}
          {preview.blocker && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={preview.blocker} data-testid="import-blocker" />}
          <MatchReviewTable preview={preview} loading={imp.loading} onMatch={imp.match} />
        </>
      )}
    </Modal>
  );
}
