import { Aspects, CfnResource, Validations } from 'aws-cdk-lib';
import { rules } from 'cdk-nag';
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

/**
 * Acknowledges every IAM5 (wildcard) finding under a construct whose policy is written by CDK
 * itself, not by us. cdk-nag 3 has no prefix acknowledgement and these findings name account ids
 * and logical ids, so the rule is run at synthesis (an aspect, before validation) and exactly the
 * findings it reports are acknowledged. Use for CDK-owned handlers only.
 */
export function acknowledgeWildcardsOfCdkOwned(scope: IConstruct, reason: string): void {
  Aspects.of(scope).add({
    visit(node) {
      if (!CfnResource.isCfnResource(node)) return;
      const findings = rules.iam.IAMNoWildcardPermissions(node);
      if (Array.isArray(findings)) for (const finding of findings) acknowledge(node, `AwsSolutions-IAM5[${finding}]`, reason);
    },
  });
}

/**
 * Acknowledges, under a construct, only the IAM5 findings for "every object of a bucket"
 * (`Resource::<Bucket.Arn>/*`): object keys are made at run time (record ids), so a grant on
 * objects cannot name them. Action wildcards and any other resource wildcard still fail.
 */
export function acknowledgeObjectsOfBucket(scope: IConstruct, bucketLogicalIdPart: string, reason: string): void {
  Aspects.of(scope).add({
    visit(node) {
      if (!CfnResource.isCfnResource(node)) return;
      const findings = rules.iam.IAMNoWildcardPermissions(node);
      if (!Array.isArray(findings)) return;
      for (const finding of findings) {
        if (new RegExp(`^Resource::<[A-Za-z0-9]*${bucketLogicalIdPart}[A-Za-z0-9]*\\.Arn>/\\*$`).test(finding)) acknowledge(node, `AwsSolutions-IAM5[${finding}]`, reason);
      }
    },
  });
}
