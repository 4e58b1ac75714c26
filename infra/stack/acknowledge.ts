import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges a cdk-nag finding on one construct (and its children). cdk-nag 3 reads CDK's own
 * acknowledgement metadata; a finding must be named exactly (`AwsSolutions-IAM5[Resource::*]`).
 * Kept in one helper so that every suppression carries a reason and is easy to grep for.
 */
export function acknowledge(scope: IConstruct, id: `AwsSolutions-${string}`, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`Give cdk-nag suppression ${id} a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}
