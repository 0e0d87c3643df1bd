import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '@kehu/db';
import type { AppConfig } from './config/env.ts';
import { databasePlugin } from './plugins/database.plugin.ts';
import { securityPlugin } from './plugins/security.plugin.ts';
import { errorsPlugin } from './plugins/errors.plugin.ts';
import { authPlugin } from './plugins/auth.plugin.ts';
import { openapiPlugin } from './plugins/openapi.plugin.ts';
import { staticWebPlugin } from './plugins/static-web.plugin.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { orgUnitsRoutes } from './modules/org-units/org-units.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { customersRoutes } from './modules/customers/customers.routes.ts';
import { visitsRoutes } from './modules/visits/visits.routes.ts';
import { complaintsRoutes } from './modules/complaints/complaints.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { researchRoutes } from './modules/research/research.routes.ts';
import { settlementRoutes } from './modules/settlement/settlement.routes.ts';
import { creditRoutes } from './modules/credit/credit.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.ts';
import { gradesRoutes } from './modules/grades/grades.routes.ts';
import { competitionsRoutes } from './modules/qualification/competitions.routes.ts';

export interface RouteInfo { method: string; url: string; public: boolean }

/** Builds the HTTP app on an opened, migrated database. Listening is the caller's business. */
export async function buildApp(config: AppConfig, database: Database): Promise<FastifyInstance & { routeList: RouteInfo[] }> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeList: RouteInfo[] = [];
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) if (m !== 'HEAD' && r.url.startsWith('/api/v1')) routeList.push({ method: m, url: r.url, public: r.config?.public === true });
  });

  await app.register(databasePlugin, { database, config });
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(openapiPlugin);
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(async (api) => {
    await api.register(authRoutes);
    await api.register(orgUnitsRoutes);
    await api.register(staffRoutes);
    await api.register(auditRoutes);
    await api.register(usersRoutes);
    await api.register(customersRoutes);
    await api.register(visitsRoutes);
    await api.register(complaintsRoutes);
    await api.register(surveysRoutes);
    await api.register(researchRoutes);
    await api.register(settlementRoutes);
    await api.register(creditRoutes);
    await api.register(notificationsRoutes);
    await api.register(evaluationRoutes);
    await api.register(gradesRoutes);
    await api.register(competitionsRoutes);
  }, { prefix: '/api/v1' });
  await app.register(staticWebPlugin, { dist: config.webDist });
  await app.ready();
  return Object.assign(app, { routeList });
}
