import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { indexesAfter, nextIndexStep, servingIndexes } from '../../definition/table-indexes';
import type { TableDef } from '../../definition/types';

/** The single CRM table, built from the definition's TableDef and nothing else. */
export class DataTable extends Construct {
  readonly table: TableV2;
  /** ARNs of the table and of each index, named one by one (no `index/*` wildcard in policies). */
  readonly dataArns: string[];

  /** `TABLE_INDEXES` for the functions: the earlier release's indexes still serving while new ones are built. */
  readonly servingIndexes: Record<string, string>;

  /**
   * `present`: the indexes the deployed table has (DynamoDB names), which `npm run deploy` reads and
   * passes as the context value `tableIndexes`; the table then takes the next single index step
   * toward the definition's (docs/deploy.md, "Index changes"). Absent: a new table, all at once.
   */
  constructor(scope: Construct, id: string, props: { table: TableDef; present?: readonly string[] }) {
    super(scope, id);
    const target = props.table.globalIndexes;
    const globalIndexes = props.present ? indexesAfter(props.present, target, nextIndexStep(props.present, target)) : target;
    this.servingIndexes = servingIndexes(props.present ?? target.map((index) => index.name));
    const def = { ...props.table, globalIndexes };
    const string = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new TableV2(this, 'Table', {
      partitionKey: string(def.partitionKey),
      sortKey: string(def.sortKey),
      globalSecondaryIndexes: def.globalIndexes.map((index) => ({
        indexName: index.name,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        ...(index.projection.type === 'INCLUDE'
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection.attributes] }
          : { projectionType: index.projection.type === 'KEYS_ONLY' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL }),
      })),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      dynamoStream: def.stream === 'NEW_IMAGE' ? StreamViewType.NEW_IMAGE : StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: def.timeToLiveAttribute,
      // A KMS key (AWS managed) rather than the default DynamoDB-owned one, so that key use shows
      // up in CloudTrail; no key to administer and DynamoDB caches the data key.
      encryption: TableEncryptionV2.awsManagedKey(),
      // Client data: never deleted by a stack update or deletion.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.dataArns = [this.table.tableArn, ...def.globalIndexes.map((index) => `${this.table.tableArn}/index/${index.name}`)];
  }

}
