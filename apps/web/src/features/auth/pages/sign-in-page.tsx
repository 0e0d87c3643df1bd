import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ERROR_MESSAGES, signInBody } from '@kehu/contracts';
import type { LocalizedText } from '@kehu/contracts';
import { useI18n } from '../../../lib/i18n/use-i18n.ts';
import { useMe } from '../api/get-me.ts';
import { useSignIn } from '../api/sign-in.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { checkWithSchema, showFieldErrors } from '../../../lib/form-errors.ts';
import { LanguageSwitch } from '../../../app/language-switch.tsx';
import { PageSpinner } from '../../../components/page-spinner.tsx';
import { takeSessionExpired } from '../session-expired.ts';

interface Values { login: string; password: string }

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t, text, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [error, setError] = useState<LocalizedText | null>(null);
  // Read once: the notice belongs to this visit of the page only.
  const [expired] = useState(takeSessionExpired);
  const next = safeNext(params.get('next'));

  if (me.isPending) return <PageSpinner />;
  if (me.data) return <Navigate to={next} replace />;

  const onFinish = (values: Values) => {
    setError(null);
    const checked = checkWithSchema(signInBody, values);
    if (!checked.ok) {
      showFieldErrors(form, checked.errors, locale, ['login', 'password']);
      return;
    }
    signIn.mutate(checked.data, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError) {
          setError(err.text);
          if (err.fields.length) showFieldErrors(form, err.fields, locale, ['login', 'password']);
        } else {
          setError({ 'zh-CN': t('error.crashedSub'), en: t('error.crashedSub') });
        }
      },
    });
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg, #e6f2ee 0%, #f5f7f6 60%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch signedIn={false} />
      </div>
      <Card style={{ width: 380, boxShadow: '0 6px 24px rgba(0,0,0,0.08)' }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, color: '#1f6f5c' }}>{t('app.name')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.title')}</Typography.Paragraph>
        {expired && !error ? <Alert type="info" showIcon title={<span data-testid="session-expired">{text(ERROR_MESSAGES.session_expired)}</span>} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={<span data-testid="sign-in-error">{text(error)}</span>} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={signIn.isPending}>
          <Form.Item name="login" label={t('signIn.login')}>
            <Input autoComplete="username" autoFocus data-testid="login" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')}>
            <Input.Password autoComplete="current-password" data-testid="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>{t('signIn.demo')}</Typography.Paragraph>
      </Card>
    </div>
  );
}
