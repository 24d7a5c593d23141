// Message templates: `{{name}}` placeholders filled from a rule's data. A missing value is a bug in the rule, so it
// throws (the runner records it on the file) rather than printing a hole.
export function fillTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message template needs '${key}'`);
    return String(data[key]);
  });
}
