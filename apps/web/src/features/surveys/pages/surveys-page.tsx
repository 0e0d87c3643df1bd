import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Table, Typography } from 'antd';
import type { Survey } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useCan } from '../../../app/session-context.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { P } from '../../customers/portfolio-text.ts';
import { useCreateSurvey, useRatings, useSurveys } from '../api/surveys.ts';

/** HR defines questionnaires; everyone with ratings.read sees the manager ratings in their scope. */
export default function SurveysPage() {
  const { label, text } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const surveys = useSurveys(can('surveys.manage') || can('surveys.issue'));
  const ratings = useRatings(can('ratings.read'));
  const create = useCreateSurvey();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; intro?: string; questions: string; validDays: number }>();
  return (
    <div>
      <div className="kehu-toolbar">
        <Typography.Title level={3} className="kehu-page-title" style={{ margin: 0 }}>{label(P.surveys)}</Typography.Title>
        <span className="kehu-spacer" />
        {can('surveys.manage') ? <Button type="primary" data-testid="survey-new" onClick={() => setOpen(true)}>{label(P.newSurvey)}</Button> : null}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={label(P.surveys)}>
            <Table<Survey> size="small" rowKey="id" pagination={false} loading={surveys.isLoading} dataSource={surveys.data?.items ?? []} data-testid="survey-table"
              expandable={{ expandedRowRender: (s) => <ol style={{ margin: 0 }}>{s.questions.map((q) => <li key={q.key}>{q.text}</li>)}</ol> }}
              columns={[
                { title: label(P.title), dataIndex: 'title' },
                { title: label(P.validDays), dataIndex: 'validDays', align: 'right' },
                { title: label(P.links), dataIndex: 'links', align: 'right' },
                { title: label(P.answered), dataIndex: 'answered', align: 'right' },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={label(P.ratings)}>
            <Table size="small" rowKey="staffId" pagination={false} loading={ratings.isLoading} dataSource={ratings.data?.items ?? []} data-testid="ratings-table"
              columns={[
                { title: label(P.managers), dataIndex: 'name' },
                { title: label(P.links), dataIndex: 'issued', align: 'right' },
                { title: label(P.answered), dataIndex: 'answered', align: 'right' },
                { title: label(P.ratingValue), dataIndex: 'rating', align: 'right', render: (r: string | null) => <b data-testid="rating-value">{r ?? '—'}</b> },
              ]} />
          </Card>
        </Col>
      </Row>
      <Modal open={open} title={label(P.newSurvey)} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ validDays: 30 }} onFinish={(v) => create.mutate({
          title: v.title, intro: v.intro ?? '', validDays: v.validDays,
          questions: v.questions.split('\n').map((s) => s.trim()).filter(Boolean).map((t, i) => ({ key: `q${i + 1}`, text: t })),
        }, {
          onSuccess: () => { setOpen(false); form.resetFields(); },
          onError: (e) => void message.error(e instanceof ApiError ? (e.fields[0] ? `${e.fields[0].path}: ${text(e.fields[0].message)}` : text(e.text)) : String(e)),
        })}>
          <Form.Item name="title" label={label(P.title)} rules={[{ required: true }]}><Input data-testid="survey-title" /></Form.Item>
          <Form.Item name="intro" label={label(P.intro)}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="questions" label={label(P.questions)} rules={[{ required: true }]}><Input.TextArea rows={5} data-testid="survey-questions" /></Form.Item>
          <Form.Item name="validDays" label={label(P.validDays)} rules={[{ required: true }]}><InputNumber min={1} max={365} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
