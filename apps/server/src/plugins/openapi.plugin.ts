import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the same Zod schemas the routes validate with; browsable at /api/docs. */
export const openapiPlugin = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Kehu API / 客户经理管理系统接口', version: '1.0.0', description: 'All writes need the `x-csrf-token` header from `GET /api/v1/auth/me`. Errors: `{ code, message: { zh-CN, en }, fields? }`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kehu_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}, { name: 'kehu-openapi' });
