import { useEffect, useState } from 'react';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import type { SurveyLinkIssued } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { P } from '../../customers/portfolio-text.ts';
import { useIssueLink, useSurveys } from '../api/surveys.ts';

/** Issues a personal survey link for one customer and shows it with its QR code (shown once). */
export function SurveyLinkDialog({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { label, text } = useI18n();
  const { message } = App.useApp();
  const surveys = useSurveys(open);
  const issue = useIssueLink();
  const [surveyId, setSurveyId] = useState<number | null>(null);
  const [link, setLink] = useState<SurveyLinkIssued | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const url = link ? `${window.location.origin}${link.path}` : '';
  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toDataURL(url, { width: 240, margin: 1 }).then((d) => { if (live) setQr(d); });
    return () => { live = false; };
  }, [url]);
  const close = () => { setLink(null); setQr(null); onClose(); };
  return (
    <Modal open={open} title={label(P.issueLink)} onCancel={close} footer={null} destroyOnHidden>
      {!link ? (
        <Space.Compact style={{ width: '100%' }}>
          <Select style={{ flex: 1 }} placeholder={label(P.chooseSurvey)} data-testid="survey-choose" value={surveyId ?? undefined} onChange={setSurveyId}
            options={(surveys.data?.items ?? []).filter((s) => s.active).map((s) => ({ value: s.id, label: s.title }))} />
          <Button type="primary" disabled={!surveyId} loading={issue.isPending} data-testid="survey-issue"
            onClick={() => surveyId && issue.mutate({ surveyId, customerId }, { onSuccess: setLink, onError: (e) => void message.error(e instanceof ApiError ? text(e.text) : String(e)) })}>
            {label(P.issueLink)}
          </Button>
        </Space.Compact>
      ) : (
        <div style={{ textAlign: 'center' }}>
          {qr ? <img src={qr} alt="QR" width={240} height={240} data-testid="survey-qr" /> : null}
          <Typography.Paragraph copyable={{ text: url }} data-testid="survey-url" style={{ wordBreak: 'break-all' }}>{url}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{label(P.linkHint)} {label(P.expires)} {link.expiresAt.slice(0, 10)}</Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
