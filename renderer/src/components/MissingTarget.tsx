// The notice a page opened by a link shows when the thing linked to is gone (an inject since deleted, say):
// the page opens as usual, and says why nothing is marked.
import { Alert } from 'antd';

export function MissingTarget({ what }: { what: string }) {
  return <Alert type="info" showIcon closable style={{ marginBottom: 8 }} message={`找不到该${what}，可能已删除`} data-testid="focus-missing" />;
}
