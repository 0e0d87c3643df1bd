import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './require-auth.tsx';
import { AppLayout } from './app-layout.tsx';
import { RouteError } from '../components/route-error.tsx';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { RequirePermission } from '../components/require-permission.tsx';
import { PageSpinner } from '../components/page-spinner.tsx';

// Pages load on demand so the first paint carries only the shell.
const SignInPage = lazy(() => import('../features/auth/pages/sign-in-page.tsx'));
const DashboardPage = lazy(() => import('../features/dashboard/pages/dashboard-page.tsx'));
const OrgUnitsPage = lazy(() => import('../features/org-units/pages/org-units-page.tsx'));
const StaffListPage = lazy(() => import('../features/staff/pages/staff-list-page.tsx'));
const StaffDetailPage = lazy(() => import('../features/staff/pages/staff-detail-page.tsx'));
const StaffNewPage = lazy(() => import('../features/staff/pages/staff-new-page.tsx'));
const StaffEditPage = lazy(() => import('../features/staff/pages/staff-edit-page.tsx'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page.tsx'));
const UsersPage = lazy(() => import('../features/users/pages/users-page.tsx'));
const TodayPage = lazy(() => import('../features/visits/pages/today-page.tsx'));
const CompliancePage = lazy(() => import('../features/visits/pages/compliance-page.tsx'));
const CustomerListPage = lazy(() => import('../features/customers/pages/customer-list-page.tsx'));
const CustomerDetailPage = lazy(() => import('../features/customers/pages/customer-detail-page.tsx'));
const RequestsPage = lazy(() => import('../features/customers/pages/requests-page.tsx'));
const TerritoriesPage = lazy(() => import('../features/customers/pages/territories-page.tsx'));
const ComplaintsPage = lazy(() => import('../features/complaints/pages/complaints-page.tsx'));
const SurveysPage = lazy(() => import('../features/surveys/pages/surveys-page.tsx'));
const ResearchPage = lazy(() => import('../features/research/pages/research-page.tsx'));
const LoansPage = lazy(() => import('../features/credit/pages/loans-page.tsx'));
const LoanDetailPage = lazy(() => import('../features/credit/pages/loan-detail-page.tsx'));
const NoticePage = lazy(() => import('../features/credit/pages/notice-page.tsx'));
const RiskBoardPage = lazy(() => import('../features/credit/pages/risk-board-page.tsx'));
const PublicSurveyPage = lazy(() => import('../features/surveys/pages/public-survey-page.tsx'));
const PayPeriodsPage = lazy(() => import('../features/pay/pages/pay-periods-page.tsx'));
const PayRunPage = lazy(() => import('../features/pay/pages/pay-run-page.tsx'));
const PayPlansPage = lazy(() => import('../features/pay/pages/pay-plans-page.tsx'));
const PayWhatIfPage = lazy(() => import('../features/pay/pages/pay-what-if-page.tsx'));
const MySlipsPage = lazy(() => import('../features/pay/pages/my-slips-page.tsx'));
const PaySlipPage = lazy(() => import('../features/pay/pages/pay-slip-page.tsx'));
const PayDisputesPage = lazy(() => import('../features/pay/pages/pay-disputes-page.tsx'));
const EvalCyclesPage = lazy(() => import('../features/evaluation/pages/eval-cycles-page.tsx'));
const EvalCyclePage = lazy(() => import('../features/evaluation/pages/eval-cycle-page.tsx'));
const EvalResultPage = lazy(() => import('../features/evaluation/pages/eval-result-page.tsx'));
const MyEvalPage = lazy(() => import('../features/evaluation/pages/my-eval-page.tsx'));
const EvalAppealsPage = lazy(() => import('../features/evaluation/pages/eval-appeals-page.tsx'));
const GradeProposalsPage = lazy(() => import('../features/evaluation/pages/grade-proposals-page.tsx'));
const CompetitionsPage = lazy(() => import('../features/evaluation/pages/competitions-page.tsx'));

const standalone = (node: ReactNode) => <Suspense fallback={<PageSpinner />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/sign-in', element: standalone(<SignInPage />), errorElement: <RouteError /> },
  // A customer's personal survey link: public, no sign-in.
  { path: '/s/:token', element: standalone(<PublicSurveyPage />), errorElement: <RouteError /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteError />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'org-units', element: <RequirePermission permission="org.read"><OrgUnitsPage /></RequirePermission> },
          { path: 'org-units/:id', element: <RequirePermission permission="org.read"><OrgUnitsPage /></RequirePermission> },
          { path: 'staff', element: <RequirePermission permission="staff.read"><StaffListPage /></RequirePermission> },
          { path: 'staff/new', element: <RequirePermission permission="staff.write"><StaffNewPage /></RequirePermission> },
          { path: 'staff/:id', element: <RequirePermission permission="staff.read"><StaffDetailPage /></RequirePermission> },
          { path: 'staff/:id/edit', element: <RequirePermission permission="staff.write"><StaffEditPage /></RequirePermission> },
          { path: 'audit', element: <RequirePermission permission="audit.read"><AuditPage /></RequirePermission> },
          { path: 'users', element: <RequirePermission permission="users.manage"><UsersPage /></RequirePermission> },
          { path: 'today', element: <RequirePermission permission="visits.read"><TodayPage /></RequirePermission> },
          { path: 'customers', element: <RequirePermission permission="customers.read"><CustomerListPage /></RequirePermission> },
          { path: 'customers/:id', element: <RequirePermission permission="customers.read"><CustomerDetailPage /></RequirePermission> },
          { path: 'requests', element: <RequirePermission permission="customers.read"><RequestsPage /></RequirePermission> },
          { path: 'territories', element: <RequirePermission permission="customers.read"><TerritoriesPage /></RequirePermission> },
          { path: 'compliance', element: <RequirePermission permission="compliance.read"><CompliancePage /></RequirePermission> },
          { path: 'complaints', element: <RequirePermission permission="complaints.read"><ComplaintsPage /></RequirePermission> },
          { path: 'surveys', element: <RequirePermission permission="ratings.read"><SurveysPage /></RequirePermission> },
          { path: 'research', element: <RequirePermission permission="compliance.read"><ResearchPage /></RequirePermission> },
          { path: 'loans', element: <RequirePermission permission="loans.read"><LoansPage /></RequirePermission> },
          { path: 'loans/:id', element: <RequirePermission permission="loans.read"><LoanDetailPage /></RequirePermission> },
          { path: 'demand-notices/:id', element: <RequirePermission permission="loans.read"><NoticePage /></RequirePermission> },
          { path: 'risk-board', element: <RequirePermission permission="loans.read"><RiskBoardPage /></RequirePermission> },
          { path: 'pay', element: <RequirePermission permission="pay.readAll"><PayPeriodsPage /></RequirePermission> },
          { path: 'pay/runs/:id', element: <RequirePermission permission="pay.readAll"><PayRunPage /></RequirePermission> },
          { path: 'pay/plans', element: <RequirePermission permission="policy.assign"><PayPlansPage /></RequirePermission> },
          { path: 'pay/what-if', element: <RequirePermission permission="pay.run"><PayWhatIfPage /></RequirePermission> },
          { path: 'pay/my-slips', element: <RequirePermission permission="pay.readOwn"><MySlipsPage /></RequirePermission> },
          // Who may read which slip is the server's call (own, unit subtree, tenant); the page shows its 404.
          { path: 'pay/slips/:id', element: <PaySlipPage /> },
          { path: 'pay/disputes', element: <PayDisputesPage /> },
          { path: 'eval', element: <RequirePermission permission="eval.readAll"><EvalCyclesPage /></RequirePermission> },
          { path: 'eval/cycles/:id', element: <RequirePermission permission="eval.readAll"><EvalCyclePage /></RequirePermission> },
          // Who may read which result is the server's call (own, unit subtree, tenant); the page shows its 404.
          { path: 'eval/results/:id', element: <EvalResultPage /> },
          { path: 'eval/mine', element: <MyEvalPage /> },
          { path: 'eval/appeals', element: <RequirePermission permission="eval.answerAppeal"><EvalAppealsPage /></RequirePermission> },
          { path: 'grades/proposals', element: <RequirePermission permission="grades.propose"><GradeProposalsPage /></RequirePermission> },
          { path: 'competitions', element: <RequirePermission permission="competitions.manage"><CompetitionsPage /></RequirePermission> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
