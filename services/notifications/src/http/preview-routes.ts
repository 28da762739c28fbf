import { AppError, defineRoute, type AnyRoute } from '@konsey/service-kit';
import { Language } from '@konsey/contracts';
import { z } from 'zod';
import { renderTemplate, TemplateRenderError } from '../templates/render-template.js';
import { isTemplateName, templateOf, templates } from '../templates/template-catalogue.js';

/** Template preview for staff: any template, language and channel, with sample or given variables. */
export function previewRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/notifications/templates',
      summary: 'The templates, whether each is essential, its channels and sample variables',
      tags: ['templates'],
      access: { anyOf: ['staff', 'operator'] },
      responses: { 200: { description: 'Templates' } },
      handler: async () => ({
        status: 200,
        body: {
          items: Object.entries(templates).map(([name, t]) => ({
            name,
            essential: t.essential,
            channels: ['email', ...('sms' in t ? ['sms'] : [])],
            sample: t.sample,
          })),
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/v1/notifications/templates/:template/preview',
      summary: 'Render a template as it would be sent',
      tags: ['templates'],
      access: { anyOf: ['staff', 'operator'] },
      request: {
        params: z.object({ template: z.string().max(60) }),
        body: z.object({
          language: Language.default('tr'),
          channel: z.enum(['email', 'sms']).default('email'),
          variables: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Rendered',
          schema: z.object({ subject: z.string().optional(), text: z.string(), html: z.string().optional() }),
        },
        404: { description: 'No such template' },
        422: { description: 'Variables missing' },
      },
      handler: async ({ params, body }) => {
        if (!isTemplateName(params.template)) throw new AppError('unknown-template');
        const template = templateOf(params.template);
        try {
          const rendered = renderTemplate({
            template: params.template,
            channel: body.channel,
            language: body.language,
            variables: body.variables ?? template.sample,
            unsubscribeUrl: 'https://example.org/v1/notifications/unsubscribe?token=preview',
          });
          return { status: 200, body: rendered };
        } catch (error) {
          if (error instanceof TemplateRenderError)
            throw new AppError('template-variables-missing', { detail: error.message });
          throw error;
        }
      },
    }),
  ];
}
