import { Spin } from 'antd';

export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240 }} data-testid="page-spinner">
      <Spin size="large" />
    </div>
  );
}
