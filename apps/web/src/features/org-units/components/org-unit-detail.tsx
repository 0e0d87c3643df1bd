import { App, Button, Descriptions, Popconfirm, Space } from 'antd';
import { Link } from 'react-router';
import { LABELS } from '@kehu/domain';
import type { OrgUnit } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { useDeleteOrgUnit } from '../api/delete-org-unit.ts';

interface Props {
  unit: OrgUnit;
  parentName: string | null;
  canWrite: boolean;
  canSeeStaff: boolean;
  onEdit: () => void;
  onAddChild: () => void;
  onDeleted: () => void;
}

export function OrgUnitDetail({ unit, parentName, canWrite, canSeeStaff, onEdit, onAddChild, onDeleted }: Props) {
  const { t, text, label } = useI18n();
  const { message } = App.useApp();
  const del = useDeleteOrgUnit();

  return (
    <div data-testid="org-detail">
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('org.name')}><span data-testid="org-detail-name">{unit.name}</span></Descriptions.Item>
        <Descriptions.Item label={t('org.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('org.kind')}>{label(LABELS.orgUnitKind[unit.kind], unit.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('org.parent')}>{parentName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('org.staffCount')}>{unit.staffCount}</Descriptions.Item>
        <Descriptions.Item label={t('org.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 16 }} wrap>
        {canSeeStaff ? <Link to={`/staff?orgUnitId=${unit.id}`}><Button>{t('org.viewStaff')}</Button></Link> : null}
        {canWrite ? (
          <>
            <Button onClick={onAddChild} data-testid="org-add-child">{t('org.newChild')}</Button>
            <Button onClick={onEdit} data-testid="org-edit">{t('common.edit')}</Button>
            <Popconfirm
              title={t('org.deleteConfirm', { name: unit.name })}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => del.mutateAsync(unit.id).then(
                () => { void message.success(t('common.deleted')); onDeleted(); },
                (err: unknown) => { void message.error(err instanceof ApiError ? text(err.text) : t('error.crashedSub')); },
              )}
            >
              <Button danger loading={del.isPending} data-testid="org-delete">{t('common.delete')}</Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
    </div>
  );
}
