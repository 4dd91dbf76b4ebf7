// 设置: the district profile that placeholders fill from, and where the data and its backups live.
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input, Space, Table } from 'antd';
import type { DistrictProfile } from '@shared/schemas/profile';
import { errorText, request } from '../../api/client';
import { placeFieldErrors } from '../../components/form-errors';
import { PageHeader } from '../../components/PageHeader';
import { useLoad } from '../../components/use-load';
import { useUnsavedGuard } from '../../components/use-unsaved-guard';
import { useState } from 'react';
import { ComplianceRulesCard } from './ComplianceRulesCard';

function newId(): string {
  return `dept-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function SettingsPage() {
  const { data, error } = useLoad(() => request('profile.get'));
  if (error) return <Alert type="error" showIcon message="加载失败" description={error} />;
  if (!data) return null;
  return (
    <div>
      <PageHeader title="设置" />
      <ProfileForm initial={data} />
      <ComplianceRulesCard />
      <DataCard />
    </div>
  );
}

function ProfileForm({ initial }: { initial: DistrictProfile }) {
  const [form] = Form.useForm<DistrictProfile>();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  // What was last loaded or saved, to tell an edit from an edit undone.
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty, '区情信息');
  const save = async (values: DistrictProfile) => {
    setSaving(true);
    try {
      const result = await request('profile.save', { ...values, departments: values.departments ?? [] });
      form.setFieldsValue(result);
      setSaved(JSON.stringify(form.getFieldsValue(true)));
      setDirty(false);
      message.success('区情信息已保存');
    } catch (e) {
      placeFieldErrors(form, e);
      message.error({ content: <span style={{ whiteSpace: 'pre-line' }}>{errorText(e)}</span>, duration: 6 });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="区情信息" style={{ marginBottom: 16 }} extra={<Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="profile-save">保存</Button>}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} onValuesChange={() => setDirty(JSON.stringify(form.getFieldsValue(true)) !== saved)} data-testid="profile-form">
        <Space size="large" wrap>
          <Form.Item label="区名" name="districtName" tooltip="如：小店区">
            <Input style={{ width: 220 }} maxLength={30} placeholder="如：小店区" />
          </Form.Item>
          <Form.Item label="人民政府名称" name="governmentName">
            <Input style={{ width: 320 }} maxLength={60} placeholder="如：太原市小店区人民政府" />
          </Form.Item>
          <Form.Item label="应急管理部门" name="emergencyBureau">
            <Input style={{ width: 320 }} maxLength={60} placeholder="如：太原市小店区应急管理局" />
          </Form.Item>
        </Space>
        <Form.List name="departments">
          {(fields, { add, remove }) => (
            <Card type="inner" title="部门清单与联系人" extra={<Button onClick={() => add({ id: newId(), name: '', contact: '', title: '', phone: '', duty: '' })} data-testid="department-add">添加部门</Button>}>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                locale={{ emptyText: '尚未添加部门。新建预案时，附件通讯录按这里的部门填写联系人、职务和电话：与模板同名的单位填入原行，其余部门另起一行列入。' }}
                columns={[
                  { title: '部门名称', render: (_, f) => <Form.Item name={[f.name, 'name']} noStyle rules={[{ required: true, message: '请填写部门名称' }]}><Input maxLength={60} placeholder="如：区应急管理局" /></Form.Item> },
                  { title: '联系人', width: 140, render: (_, f) => <Form.Item name={[f.name, 'contact']} noStyle><Input maxLength={40} /></Form.Item> },
                  { title: '职务', width: 140, render: (_, f) => <Form.Item name={[f.name, 'title']} noStyle><Input maxLength={40} /></Form.Item> },
                  { title: '电话', width: 170, render: (_, f) => <Form.Item name={[f.name, 'phone']} noStyle><Input maxLength={40} /></Form.Item> },
                  { title: '主要职责', render: (_, f) => <Form.Item name={[f.name, 'duty']} noStyle><Input maxLength={500} /></Form.Item> },
                  { title: '', width: 70, render: (_, f) => <Button type="link" danger onClick={() => remove(f.name)}>删除</Button> },
                ]}
              />
              {fields.map((f) => (
                <Form.Item key={f.key} name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
              ))}
            </Card>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

function DataCard() {
  const status = useLoad(() => request('app.status'));
  const backups = useLoad(() => request('app.list-backups'));
  const s = status.data;
  return (
    <Card title="数据与备份">
      {s && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="运行方式">{s.shell === 'electron' ? '桌面版' : '浏览器模式（本机服务）'}</Descriptions.Item>
          <Descriptions.Item label="数据文件夹">{s.dataDir}</Descriptions.Item>
          <Descriptions.Item label="数据库">{s.database.state === 'ready' ? `正常（结构版本 ${s.database.schemaVersion}）` : s.database.message}</Descriptions.Item>
        </Descriptions>
      )}
      <Table
        size="small"
        rowKey="name"
        pagination={{ pageSize: 5 }}
        dataSource={backups.data ?? []}
        // A start backs up the file it found: on a new data folder there is none yet, nothing has failed.
        locale={{ emptyText: '尚无备份：本数据文件夹的数据库是本次启动时新建的，还没有需要备份的数据。下次启动时将首次自动备份，此后每次启动和每次升级数据库结构前都会自动备份。' }}
        columns={[
          { title: '备份时间', dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          { title: '原因', dataIndex: 'reason', render: (v: string) => (v === 'start' ? '启动时' : v.startsWith('before-migration') ? '升级前' : v) },
          { title: '大小', dataIndex: 'sizeBytes', render: (v: number) => `${(v / 1024).toFixed(0)} KB` },
        ]}
      />
    </Card>
  );
}
