import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Counts the statements the platform sends to the database, so that a test
 * can say how many queries one request costs (buildApp's `dbPlugins`).
 */
export class QueryCounter implements KyselyPlugin {
  count = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }

  /** The statements `run` sent, with what it returned. */
  async during<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = this.count;
    const result = await run();
    return { result, queries: this.count - before };
  }
}
