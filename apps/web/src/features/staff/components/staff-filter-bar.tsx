import { useEffect, useState } from 'react';
import { Input, Select } from 'antd';
import { HIRE_TYPES, LABELS, POSITIONS, STAFF_STATUSES } from '@kehu/domain';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { OrgUnitSelect } from '../../org-units/components/org-unit-select.tsx';
import type { StaffFilters } from '../api/list-staff.ts';

interface Props {
  filters: StaffFilters;
  onChange: (patch: Partial<StaffFilters>) => void;
  showUnitFilter: boolean;
}

export function StaffFilterBar({ filters, onChange, showUnitFilter }: Props) {
  const { t, label } = useI18n();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  return (
    <div className="kehu-toolbar" data-testid="staff-filters">
      <Input.Search
        data-testid="staff-search"
        style={{ width: 300 }}
        placeholder={t('staff.search')}
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        enterButton={t('common.search')}
      />
      {showUnitFilter ? (
        <OrgUnitSelect
          data-testid="staff-filter-unit"
          style={{ width: 200 }}
          allowClear
          placeholder={t('staff.orgUnit')}
          value={filters.orgUnitId ?? null}
          onChange={(v) => onChange({ orgUnitId: v })}
        />
      ) : null}
      <Select
        data-testid="staff-filter-status"
        style={{ width: 120 }}
        allowClear
        placeholder={t('staff.status')}
        value={filters.status}
        onChange={(v) => onChange({ status: v })}
        options={STAFF_STATUSES.map((s) => ({ value: s, label: label(LABELS.status[s]) }))}
      />
      <Select
        data-testid="staff-filter-position"
        style={{ width: 160 }}
        allowClear
        placeholder={t('staff.position')}
        value={filters.position}
        onChange={(v) => onChange({ position: v })}
        options={POSITIONS.map((s) => ({ value: s, label: label(LABELS.position[s]) }))}
      />
      <Select
        data-testid="staff-filter-hire-type"
        style={{ width: 130 }}
        allowClear
        placeholder={t('staff.hireType')}
        value={filters.hireType}
        onChange={(v) => onChange({ hireType: v })}
        options={HIRE_TYPES.map((s) => ({ value: s, label: label(LABELS.hireType[s]) }))}
      />
      <Select
        data-testid="staff-sort"
        style={{ width: 140 }}
        value={filters.sort ?? 'name'}
        onChange={(v) => onChange({ sort: v })}
        options={(['name', 'hireDate', 'updatedAt'] as const).map((s) => ({ value: s, label: t(`staff.sort.${s}`) }))}
      />
    </div>
  );
}
