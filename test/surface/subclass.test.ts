/**
 * A return type that becomes a subclass of what it was (Stainless's page classes:
 * `SinglePage<Message>` -> `MessagesSinglePage extends SinglePage<Message>`) still gives callers
 * everything the old type did; as a parameter type it asks more of them.
 */
import { describe, expect, it } from 'vitest';
import { memoryTree, surfaceDiff } from '../../generator/surface/index.js';

const PAGE = `export class SinglePage<T> {
  #items: T[] = [];
  getItems(): T[] {
    return this.#items;
  }
}
`;
const ITEM = 'export interface Message { id: string }\n';

function tree(resource: string): ReturnType<typeof memoryTree> {
  return memoryTree(
    new Map([
      ['src/index.ts', "export * from './page.js';\nexport * from './item.js';\nexport * from './resource.js';\n"],
      ['src/page.ts', PAGE],
      ['src/item.ts', ITEM],
      ['src/resource.ts', resource],
    ]),
  );
}

const IMPORTS = "import { SinglePage } from './page.js';\nimport type { Message } from './item.js';\n";
const NAMED = 'export class MessagesSinglePage extends SinglePage<Message> {}\n';

describe('surface diff: subclasses of the old type', () => {
  it('a return type narrowed to a subclass is compatible', () => {
    const before = tree(`${IMPORTS}export class Messages {\n  list(): SinglePage<Message> {\n    return new SinglePage();\n  }\n}\n`);
    const after = tree(`${IMPORTS}${NAMED}export class Messages {\n  list(): MessagesSinglePage {\n    return new MessagesSinglePage();\n  }\n}\n`);
    const report = surfaceDiff(before, after);
    const list = report.changes.filter((c) => c.subject.startsWith('Messages.list'));
    expect(list.map((c) => c.impact)).not.toContain('breaking');
    expect(report.bump).toBe('minor');
  });

  it('a parameter type narrowed to a subclass is breaking', () => {
    const before = tree(`${IMPORTS}export class Messages {\n  next(page: SinglePage<Message>): void {\n    void page;\n  }\n}\n`);
    const after = tree(`${IMPORTS}${NAMED}export class Messages {\n  next(page: MessagesSinglePage): void {\n    void page;\n  }\n}\n`);
    const report = surfaceDiff(before, after);
    expect(report.changes.filter((c) => c.subject.startsWith('Messages.next')).map((c) => c.impact)).toContain('breaking');
    expect(report.bump).toBe('major');
  });
});
