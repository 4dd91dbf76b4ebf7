// 全文检索 results across all plans (and, on request, their saved versions), opening the plan at the hit.
import { Card, Checkbox, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { Highlighted } from '../../components/DiffText';
import { useLoad } from '../../components/use-load';
import { navigate } from '../../route';

export function SearchResults({ query, onClose }: { query: string; onClose: () => void }) {
  const [includeVersions, setIncludeVersions] = useState(false);
  const hits = useLoad(() => request('search.query', { query, includeVersions, limit: 100 }), [query, includeVersions]);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={`“${query}”的检索结果${hits.data ? `（${hits.data.length}）` : ''}`}
      extra={<Space><Checkbox checked={includeVersions} onChange={(e) => setIncludeVersions(e.target.checked)}>包含历史版本</Checkbox><a onClick={onClose}>关闭</a></Space>}
      data-testid="search-results"
    >
      {hits.error && <Typography.Text type="danger">{hits.error}</Typography.Text>}
      {hits.data && hits.data.length === 0 && <Empty description="没有找到" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <List
        size="small"
        dataSource={hits.data ?? []}
        renderItem={(h) => (
          <List.Item style={{ cursor: h.versionId ? undefined : 'pointer' }} onClick={() => !h.versionId && navigate('plans', h.planId, 'at', h.sectionId)} data-testid="search-hit">
            <div>
              <Space>
                <Typography.Text strong>{h.planTitle}</Typography.Text>
                <Typography.Text>› {h.sectionTitle}</Typography.Text>
                {h.versionLabel && <Tag>{h.versionLabel}</Tag>}
              </Space>
              <div style={{ color: '#595959', fontSize: 13 }}><Highlighted snippet={h.snippet} /></div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
