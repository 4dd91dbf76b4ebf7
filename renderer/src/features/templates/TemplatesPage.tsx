// 模板库: municipal templates by hazard and revision; read one as a document; see the plans derived from it; import revisions.
import { Alert, App as AntApp, Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { headingNumbers } from '@shared/numbering';
import type { TemplateSummary } from '@shared/schemas/template';
import { errorText, request } from '../../api/client';
import { pickFile, type PickedFile } from '../../api/files';
import { BlockView } from '../../components/BlockView';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';
import { ImportDocxModal } from './ImportDocxModal';
import { TemplateCompareDrawer } from './TemplateCompareDrawer';

export function TemplatesPage() {
  const list = useLoad(() => request('template.list'));
  const [selected, setSelected] = useState<{ id: string; revision: string }>();
  const [docx, setDocx] = useState<PickedFile | null>(null);
  const { message } = AntApp.useApp();
  const byHazard = useMemo(() => {
    const m = new Map<string, TemplateSummary[]>();
    for (const t of list.data?.templates ?? []) m.set(t.hazard, [...(m.get(t.hazard) ?? []), t]);
    return [...m.entries()];
  }, [list.data]);
  const current = list.data?.templates.find((t) => t.id === selected?.id && t.revision === selected?.revision) ?? list.data?.templates[0];
  const importRevision = async () => {
    try {
      const file = await pickFile('导入市级预案修订版本', '模板文件', ['md', 'txt']);
      if (!file) return;
      const r = await request('template.import', { fileName: file.name, content: new TextDecoder('utf-8').decode(file.bytes) });
      list.reload();
      setSelected({ id: r.id, revision: r.revision });
      message.success(`已导入《${r.title}》${r.revision} 修订版（${r.clauseCount} 条）`);
    } catch (e) {
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span>, duration: 10 });
    }
  };
  const importWord = async () => {
    try {
      const file = await pickFile('导入市级预案（Word）', 'Word 文档', ['docx']);
      if (file) setDocx(file);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const reload = async () => {
    try {
      await request('template.reload');
      list.reload();
      message.success('已重新读取模板文件夹');
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <div>
      <PageHeader title="模板库" sub="市级专项应急预案模板（示范文本）及其修订版本" extra={<><Button type="primary" onClick={importWord} data-testid="template-import-docx">导入市级预案 Word</Button><Button onClick={importRevision} data-testid="template-import">导入修订版本</Button><Button onClick={reload}>重新读取模板</Button></>} />
      {list.error && <Alert type="error" showIcon message="加载失败" description={list.error} />}
      {(list.data?.problems.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="template-problems"
          message={`有 ${list.data!.problems.length} 处模板文件错误，这些文件未载入，其他模板不受影响`}
          description={<ul style={{ margin: 0 }}>{list.data!.problems.map((p, i) => <li key={i}>{p.file}：{p.message}</li>)}</ul>}
        />
      )}
      {docx && (
        <ImportDocxModal
          file={docx}
          templates={list.data?.templates ?? []}
          onClose={() => setDocx(null)}
          onSaved={(id, revision) => {
            setDocx(null);
            list.reload();
            setSelected({ id, revision });
          }}
        />
      )}
      <Row gutter={16}>
        <Col span={7}>
          <Card size="small" title="灾种与修订版本" data-testid="template-list">
            {byHazard.length === 0 && <Empty description="模板文件夹中没有可用的模板" />}
            {byHazard.map(([hazard, revisions]) => (
              <div key={hazard} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{hazard}</Typography.Text>
                <List
                  size="small"
                  dataSource={[...revisions].sort((a, b) => b.revisionYear - a.revisionYear)}
                  renderItem={(t) => (
                    <List.Item
                      onClick={() => setSelected({ id: t.id, revision: t.revision })}
                      style={{ cursor: 'pointer', background: t === current ? '#e6f4ff' : undefined, paddingLeft: 8 }}
                      data-testid={`template-${t.id}-${t.revision}`}
                    >
                      <Space direction="vertical" size={0}>
                        <span>{t.title}</span>
                        <Space size={4}>
                          <Tag>{t.revision} 修订</Tag>
                          {t.supersedes && <Tag color="blue">替代 {t.supersedes}</Tag>}
                          {t.plans.length > 0 && <Tag color="green">{t.plans.length} 个区级预案</Tag>}
                        </Space>
                      </Space>
                    </List.Item>
                  )}
                />
              </div>
            ))}
          </Card>
        </Col>
        <Col span={17}>{current && <TemplateDocument summary={current} revisions={(list.data?.templates ?? []).filter((t) => t.id === current.id).sort((a, b) => b.revisionYear - a.revisionYear)} />}</Col>
      </Row>
    </div>
  );
}

function TemplateDocument({ summary, revisions }: { summary: TemplateSummary; revisions: TemplateSummary[] }) {
  const t = useLoad(() => request('template.get', { id: summary.id, revision: summary.revision }), [summary.id, summary.revision]);
  const { message } = AntApp.useApp();
  const numbers = useMemo(() => (t.data ? headingNumbers(t.data.clauses, 'decimal').map((n, i) => (t.data!.clauses[i]!.kind === 'annex' && t.data!.clauses[i]!.level === 1 ? n : `${n}\u3000`)) : []), [t.data]);
  const [creating, setCreating] = useState(false);
  const [comparing, setComparing] = useState(false);
  const create = async () => {
    if (creating) return;
    setCreating(true);
    try {
      const plan = await request('plan.create', { templateId: summary.id, revision: summary.revision });
      navigate('plans', plan.id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setCreating(false);
    }
  };
  return (
    <Card
      size="small"
      title={`${summary.title}（${summary.revision} 修订）`}
      extra={
        <Space>
          {revisions.length > 1 && <Button onClick={() => setComparing(true)} data-testid="template-compare-open">与其他修订版对比</Button>}
          <Button type="primary" loading={creating} onClick={create} data-testid="template-create-plan">依据此模板创建预案</Button>
        </Space>
      }
    >
      {comparing && <TemplateCompareDrawer key={`${summary.id}-${summary.revision}`} revisions={revisions} to={summary} onClose={() => setComparing(false)} />}
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag>{summary.category}</Tag>
        <Tag>发布机关：{summary.issuer}</Tag>
        {summary.modelText ? <Tag color="orange">示范文本</Tag> : <Tag color="green" data-testid="template-official">正式文本</Tag>}
        <Tag>{summary.clauseCount} 条</Tag>
        <Tag>{summary.charCount.toLocaleString('zh-CN')} 字</Tag>
      </Space>
      <div style={{ marginBottom: 8 }} data-testid="template-derived">
        <Typography.Text type="secondary">由此修订版创建的区级预案：</Typography.Text>
        {summary.plans.length === 0 ? <Typography.Text type="secondary">暂无</Typography.Text> : summary.plans.map((p) => <Button key={p.id} type="link" size="small" onClick={() => navigate('plans', p.id)}>{p.title}</Button>)}
      </div>
      <div className="doc-page" style={{ maxHeight: 'calc(100vh - 280px)', overflow: 'auto', boxShadow: 'none', border: '1px solid #f0f0f0' }}>
        {t.data?.clauses.map((c, i) => (
          <div key={c.id}>
            <div className="doc-h" data-level={c.level} data-kind={c.kind} data-number={numbers[i]}>{c.title}</div>
            <BlockView blocks={c.body} />
          </div>
        ))}
      </div>
    </Card>
  );
}
