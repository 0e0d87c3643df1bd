import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { LABELS, maskIdCard, maskPhone } from '@kehu/domain';
import type { Staff, StaffPage } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { StaffStatusTag } from './staff-status-tag.tsx';

interface Props {
  data: StaffPage | undefined;
  loading: boolean;
  canEdit: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** Lists never show whole personal numbers, whatever the caller may read on the detail page. */
const masked = (v: string, mask: (s: string) => string) => (v.includes('*') ? v : mask(v));

export function StaffTable({ data, loading, canEdit, onPage }: Props) {
  const { t, label } = useI18n();
  const columns: TableColumnsType<Staff> = [
    { title: t('staff.name'), dataIndex: 'name', fixed: 'left', width: 100, render: (_, s) => <Link to={`/staff/${s.id}`} data-testid={`staff-link-${s.id}`}>{s.name}</Link> },
    { title: t('staff.gender'), dataIndex: 'gender', width: 64, render: (_, s) => label(LABELS.gender[s.gender]) },
    { title: t('staff.orgUnit'), dataIndex: 'orgUnitName', width: 120 },
    { title: t('staff.position'), dataIndex: 'position', width: 118, render: (_, s) => label(LABELS.position[s.position]) },
    { title: t('staff.hireType'), dataIndex: 'hireType', width: 90, render: (_, s) => label(LABELS.hireType[s.hireType]) },
    { title: t('staff.status'), dataIndex: 'status', width: 80, render: (_, s) => <StaffStatusTag status={s.status} /> },
    { title: t('staff.phone'), dataIndex: 'phone', width: 120, render: (_, s) => masked(s.phone, maskPhone) },
    { title: t('staff.idCardNo'), dataIndex: 'idCardNo', width: 172, render: (_, s) => masked(s.idCardNo, maskIdCard) },
    { title: t('staff.hireDate'), dataIndex: 'hireDate', width: 110 },
    {
      title: t('common.actions'), key: 'actions', width: 96, fixed: 'right',
      render: (_, s) => (
        <span style={{ display: 'inline-flex', gap: 12 }}>
          <Link to={`/staff/${s.id}`}>{t('common.view')}</Link>
          {canEdit ? <Link to={`/staff/${s.id}/edit`}>{t('common.edit')}</Link> : null}
        </span>
      ),
    },
  ];

  return (
    <Table<Staff>
      data-testid="staff-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1070 }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => <span data-testid="staff-total">{t('common.total', { n })}</span>,
        onChange: onPage,
      }}
    />
  );
}
