import { renderTemplate, TemplateRenderError } from '../src/templates/render-template.js';
import { templates, type TemplateName } from '../src/templates/template-catalogue.js';

const names = Object.keys(templates) as TemplateName[];
const cases = names.flatMap((template) =>
  (['tr', 'en'] as const).flatMap((language) =>
    (['email', ...('sms' in templates[template] ? ['sms' as const] : [])] as const).map((channel) => ({
      template,
      language,
      channel,
    })),
  ),
);

describe('templates', () => {
  it.each(cases)(
    'when $template is rendered for $channel in $language with its sample, then every variable is filled',
    ({ template, language, channel }) => {
      const rendered = renderTemplate({
        template,
        language,
        channel,
        variables: templates[template].sample,
        unsubscribeUrl: 'https://x.test/u?token=t',
      });
      expect(rendered.text).not.toMatch(/[{}]/);
      if (channel === 'sms') expect(rendered.text.length).toBeLessThanOrEqual(160);
      else expect(rendered.html).toContain('<p>');
    },
  );

  it.each(cases)(
    'when a variable of $template ($channel, $language) is missing, then rendering fails',
    ({ template, language, channel }) => {
      const sample = templates[template].sample as Record<string, string | number>;
      const used = Object.keys(sample).filter((key) => {
        const { [key]: _omitted, ...rest } = sample;
        try {
          renderTemplate({ template, language, channel, variables: rest });
          return false;
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateRenderError);
          return true;
        }
      });
      expect(used.length).toBeGreaterThan(0);
    },
  );

  it('when a Turkish e-mail is rendered, then dates are written for tr-TR in Türkiye time and values are escaped in HTML', () => {
    const rendered = renderTemplate({
      template: 'member-admitted',
      language: 'tr',
      channel: 'email',
      variables: { displayName: '<Ayşe & Co>', admittedAt: '2026-03-20T22:30:00Z' },
      unsubscribeUrl: 'https://x.test/u?token=t',
    });
    expect(rendered.text).toContain('21 Mart 2026');
    expect(rendered.html).toContain('&lt;Ayşe &amp; Co&gt;');
    expect(rendered.text).toContain('https://x.test/u?token=t');
  });

  it('when a result names many elected, then numbers are formatted for the language', () => {
    const rendered = renderTemplate({
      template: 'result-certified',
      language: 'tr',
      channel: 'email',
      variables: { ...templates['result-certified'].sample, electedCount: 1250 },
    });
    expect(rendered.text).toContain('1.250 kişi');
  });
});
