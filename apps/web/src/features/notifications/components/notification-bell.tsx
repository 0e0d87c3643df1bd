import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useMarkRead, useNotifications } from '../api/notifications.ts';

const l = (zh: string, en: string) => ({ zh, en });
const T = {
  title: l('提醒', 'Notifications'), readAll: l('全部标为已读', 'Mark all read'), none: l('暂无提醒', 'No notifications'),
  deadline: l('时效', 'Deadline'), warning: l('风险', 'Risk'), unread: l('未读', 'unread'),
};
const COLOR: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };
const BellIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="currentColor">
    <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
  </svg>
);

/** The header bell: unread count of the signed-in user's stored alerts; a click opens the loan and marks the notice read. */
export function NotificationBell() {
  const { label, locale } = useI18n();
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const mark = useMarkRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  const openItem = (n: NotificationItem) => {
    if (!n.readAt) mark.mutate(n.id);
    setOpen(false);
    if (n.link) void nav(n.link);
  };
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {items.length ? (
        <List<NotificationItem> size="small" dataSource={items} renderItem={(n) => (
          <List.Item onClick={() => openItem(n)} style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f6ffed' }} data-testid={`notification-${n.id}`}>
            <Space direction="vertical" size={0}>
              <Space size={4}><Tag color={COLOR[n.severity]}>{label(n.kind === 'deadline' ? T.deadline : T.warning)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{n.refDate}</Typography.Text></Space>
              <Typography.Text strong={!n.readAt}>{locale === 'en' ? n.titleEn : n.titleZh}</Typography.Text>
            </Space>
          </List.Item>
        )} />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={label(T.none)} />}
    </div>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content}
      title={<Space style={{ width: '100%', justifyContent: 'space-between' }}><span>{label(T.title)}{unread ? ` · ${unread} ${label(T.unread)}` : ''}</span>
        {unread ? <Button size="small" type="link" onClick={() => mark.mutate('all')} data-testid="notifications-read-all">{label(T.readAll)}</Button> : null}</Space>}>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellIcon />} aria-label={label(T.title)} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
