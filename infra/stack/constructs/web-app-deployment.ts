import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeWildcardsOfCdkOwned } from '../acknowledge';

/** What the SPA reads from `/config.json` at start: the same file the local runtime serves. */
export interface WebRuntimeConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly cognitoEndpoint: string;
  readonly locale: string;
  readonly currency: string;
  readonly timeZone: string;
  readonly displayName: string;
}

export interface WebAppDeploymentProps {
  /** The built web UI (`web/dist`). */
  readonly distDir: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
  readonly config: WebRuntimeConfig;
}

/** Fails early (before any bundling) when the web UI has not been built. */
export function assertWebBuild(distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`No built web UI at ${distDir} (index.html missing). Run \`npm run build:web\` first, then synthesize again.`);
  }
}

/**
 * Uploads the built web UI and a generated config.json. Hashed files under `assets/` are cached
 * for a year; everything else (index.html, config.json) is revalidated, and goes up only after
 * the assets it references, followed by a CloudFront invalidation.
 */
export class WebAppDeployment extends Construct {
  constructor(scope: Construct, id: string, props: WebAppDeploymentProps) {
    super(scope, id);
    assertWebBuild(props.distDir);

    const assetsDir = join(props.distDir, 'assets');
    const assets = existsSync(assetsDir)
      ? new BucketDeployment(this, 'Assets', {
          sources: [Source.asset(assetsDir)],
          destinationBucket: props.bucket,
          destinationKeyPrefix: 'assets/',
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          // Old hashed files stay: a browser still on the previous index.html may ask for them.
          prune: false,
          memoryLimit: 512,
        })
      : undefined;

    const shell = new BucketDeployment(this, 'Shell', {
      sources: [Source.asset(props.distDir, { exclude: ['assets', 'assets/**'] }), Source.jsonData('config.json', props.config)],
      destinationBucket: props.bucket,
      cacheControl: [CacheControl.noCache()],
      prune: false,
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    if (assets) shell.node.addDependency(assets);

    acknowledgeDeploymentHandler(this);
  }
}

/**
 * BucketDeployment runs a CDK-provided singleton Lambda (Python, AWS managed policy, S3 wildcard
 * actions on the asset and site buckets). It is CDK's code, not ours: acknowledged on it alone.
 */
function acknowledgeDeploymentHandler(scope: Construct): void {
  const stack = Stack.of(scope);
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    const reason = 'CDK BucketDeployment singleton handler (CDK-maintained code and role) copying the built web UI into the site bucket.';
    for (const id of ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'AwsSolutions-L1'] as const) {
      acknowledge(child, id, reason);
    }
    acknowledgeWildcardsOfCdkOwned(child, reason);
  }
}
