/**
 * Every event name src-main can write to a journal, read from its source with the TypeScript
 * parser: the second argument of each `journal.append(actor, event, …)`, the `event` of each entry
 * handed to `appendMany`, the first argument of each `ctx.journal(event, …)` of the online steps and
 * the values of ONLINE_EVENTS. An argument is followed through a ternary, a `const` of the same file
 * and a parameter typed as a union of names; one that cannot be followed is reported, so a new way
 * of naming an event fails the test rather than slipping past it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '../../src-main');
const FORWARDER = path.join('core', 'ceremony', 'online', 'step-context.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'catalogues' ? [] : sourceFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

/** The names an event expression can be, or the expression's text when it cannot be followed. */
function namesOf(expr: ts.Expression, file: ts.SourceFile): { names: string[]; unresolved: string[] } {
  const out = { names: [] as string[], unresolved: [] as string[] };
  const visit = (e: ts.Node): void => {
    if (ts.isStringLiteralLike(e)) out.names.push(e.text);
    else if (ts.isParenthesizedExpression(e)) visit(e.expression);
    else if (ts.isConditionalExpression(e)) {
      visit(e.whenTrue);
      visit(e.whenFalse);
    } else if (ts.isPropertyAccessExpression(e) && e.expression.getText(file) === 'ONLINE_EVENTS') {
      // ONLINE_EVENTS' values are all collected from events.ts.
    } else if (ts.isIdentifier(e)) {
      // Declared in the file, or one of the event names the journal module exports (INTERRUPTED_EVENT).
      const declared = declarationOf(e.text, file) ?? declarationOf(e.text, sharedEvents());
      if (declared) visit(declared);
      else out.unresolved.push(`${path.relative(SRC, file.fileName)}: ${e.text}`);
    } else if (ts.isUnionTypeNode(e)) e.types.forEach(visit);
    else if (ts.isLiteralTypeNode(e)) visit(e.literal);
    else out.unresolved.push(`${path.relative(SRC, file.fileName)}: ${e.getText(file)}`);
  };
  visit(expr);
  return out;
}

/** The journal module's file of shared event names, parsed once. */
let shared: ts.SourceFile | undefined;
function sharedEvents(): ts.SourceFile {
  const fileName = path.join(SRC, 'core/journal/deviations.ts');
  shared ??= ts.createSourceFile(
    fileName,
    readFileSync(fileName, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  return shared;
}

/** What `name` is in `file`: a `const` initializer, or a parameter's literal type (the first found). */
function declarationOf(name: string, file: ts.SourceFile): ts.Node | undefined {
  let found: ts.Node | undefined;
  const walk = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer)
      found = node.initializer;
    else if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.name.text === name && node.type)
      found = node.type;
    else ts.forEachChild(node, walk);
  };
  walk(file);
  return found;
}

/** The event names the journal can be given, and the event arguments that could not be followed. */
export function journalEventNames(): { names: ReadonlySet<string>; unresolved: readonly string[] } {
  const names = new Set<string>();
  const unresolved: string[] = [];
  const take = (r: { names: string[]; unresolved: string[] }) => {
    r.names.forEach((n) => names.add(n));
    unresolved.push(...r.unresolved);
  };
  for (const fileName of sourceFiles(SRC)) {
    const text = readFileSync(fileName, 'utf8');
    if (!/\bappend(Many)?\(|\.journal\(|ONLINE_EVENTS = /.test(text)) continue;
    const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const walk = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && node.name.getText(file) === 'ONLINE_EVENTS' && node.initializer) {
        const object = ts.isAsExpression(node.initializer) ? node.initializer.expression : node.initializer;
        if (ts.isObjectLiteralExpression(object))
          for (const p of object.properties) if (ts.isPropertyAssignment(p)) take(namesOf(p.initializer, file));
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const [first, second] = node.arguments;
        // online/step-context.ts passes the steps' `ctx.journal(event, data)` on to append: those are read at the steps.
        const forwarded = (e: ts.Expression) =>
          ts.isIdentifier(e) && e.text === 'event' && fileName.endsWith(FORWARDER);
        if (
          method === 'append' &&
          second &&
          /journal/i.test(node.expression.expression.getText(file)) &&
          !forwarded(second)
        )
          take(namesOf(second, file));
        if (method === 'journal' && first) take(namesOf(first, file));
        if (method === 'appendMany')
          ts.forEachChild(node, function entries(n: ts.Node): void {
            if (ts.isPropertyAssignment(n) && n.name.getText(file) === 'event') take(namesOf(n.initializer, file));
            else ts.forEachChild(n, entries);
          });
      }
      ts.forEachChild(node, walk);
    };
    walk(file);
  }
  return { names, unresolved };
}
