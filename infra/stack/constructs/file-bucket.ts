import { Duration, Names, RemovalPolicy, Stack, type CfnElement } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { FunctionGrants } from '../../definition/types';
import { acknowledge, acknowledgeObjectsOfBucket } from '../acknowledge';

export interface FileBucketProps {
  /** The app's origin: browsers upload to and download from the bucket by signed URL from there. */
  readonly appUrl: string;
  readonly accessLogs: IBucket;
}

/**
 * The CRM's files (ADR 0010): attachments, uploaded imports, written exports. Private and
 * encrypted, TLS only, versioned so an overwritten or deleted attachment can be recovered for a
 * month; imports and exports are working copies and expire after a week.
 */
export class FileBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: FileBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'files/',
      cors: [{ allowedMethods: [HttpMethods.PUT, HttpMethods.GET], allowedOrigins: [props.appUrl], allowedHeaders: ['content-type'], maxAge: 3600 }],
      lifecycleRules: [
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'imports', prefix: 'imports/', expiration: Duration.days(7) },
        { id: 'exports', prefix: 'exports/', expiration: Duration.days(7) },
      ],
      // Customers' documents: a stack deletion must not take them with it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Object access as a function's FunctionGrants['files'] declares it: named actions (no `s3:Get*`),
   * on the bucket's objects only. Signing a URL needs the same permission the URL is used for.
   */
  grant(role: Role, access: FunctionGrants['files']): void {
    if (!access || access === 'none') return;
    const actions = access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
    role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions, resources: [this.bucket.arnForObjects('*')] }));
    const reason = 'Files are keyed by record and job ids made at run time; the grant is on the bucket\'s objects, with named actions only.';
    if (Stack.of(role) === Stack.of(this)) acknowledgeObjectsOfBucket(role, 'Files', reason);
    // In a nested stack (ADR 0022) the policy names the parameter that carries the bucket's ARN.
    else acknowledge(role, `AwsSolutions-IAM5[Resource::<referenceto${Names.uniqueId(this.bucket.node.defaultChild as CfnElement)}Arn>/*]`, reason);
  }
}
