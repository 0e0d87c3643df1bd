import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Rate, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { LanguageSwitch } from '../../../app/language-switch.tsx';
import { P } from '../../customers/portfolio-text.ts';
import { useAnswerSurvey, usePublicSurvey } from '../api/surveys.ts';

/** The customer's page behind a personal link: no sign-in, one questionnaire, answered once. */
export default function PublicSurveyPage() {
  const { label, text } = useI18n();
  const token = useParams().token ?? '';
  const survey = usePublicSurvey(token);
  const answer = useAnswerSurvey(token);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<{ answers: Record<string, number>; comment?: string }>();
  const shell = (node: React.ReactNode) => (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16 }}>
      <div style={{ textAlign: 'right' }}><LanguageSwitch signedIn={false} /></div>
      {node}
    </div>
  );
  if (survey.isLoading) return shell(<Spin />);
  if (survey.error || !survey.data) return shell(<Result status="warning" title={label(P.publicInvalid)} data-testid="survey-invalid" />);
  if (done || survey.data.answered) return shell(<Result status="success" title={done ? label(P.publicThanks) : label(P.publicAlready)} data-testid="survey-done" />);
  const s = survey.data;
  return shell(
    <Card title={s.title} data-testid="public-survey">
      {s.intro ? <Typography.Paragraph>{s.intro}</Typography.Paragraph> : null}
      {answer.error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={answer.error instanceof ApiError ? text(answer.error.text) : String(answer.error)} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => answer.mutate({ answers: v.answers, comment: v.comment ?? '' }, { onSuccess: () => setDone(true) })}>
        {s.questions.map((q) => (
          <Form.Item key={q.key} name={['answers', q.key]} label={q.text} rules={[{ required: true, message: label(P.publicRateAll) }]}>
            <Rate data-testid={`rate-${q.key}`} style={{ fontSize: 28 }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={label(P.publicComment)}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={answer.isPending} data-testid="public-submit">{label(P.publicSubmit)}</Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{label(P.expires)} {s.expiresAt.slice(0, 10)}</Typography.Paragraph>
    </Card>,
  );
}
