import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** The metric the audit alarm watches: one count per failed audit write, from the API functions' logs. */
export const auditMetric = { namespace: 'CRM', name: 'AuditWriteFailures' } as const;

/**
 * Alarms the client's admin is mailed about. Audit writes (ADR 0014) come first: when the trail
 * cannot be written, the API refuses calls (it fails closed), so a single failure is worth a look.
 */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: { adminEmail: string; apiLogGroups: readonly ILogGroup[]; auditFailureMessage: string }) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'CRM alarms', enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.adminEmail));

    props.apiLogGroups.forEach((logGroup, i) => {
      new MetricFilter(this, `AuditFailures${i}`, {
        logGroup,
        metricNamespace: auditMetric.namespace,
        metricName: auditMetric.name,
        filterPattern: FilterPattern.stringValue('$.message', '=', props.auditFailureMessage),
        metricValue: '1',
        defaultValue: 0,
      });
    });
    const failures = new Alarm(this, 'AuditWriteFailures', {
      alarmDescription: 'The audit trail could not be written: the API refuses calls until it can (ADR 0014).',
      metric: new Metric({ namespace: auditMetric.namespace, metricName: auditMetric.name, statistic: Stats.SUM, period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    failures.addAlarmAction(new SnsAction(this.topic));
  }

  /**
   * An event, schedule run or stream batch that exhausted its retries waits in the dead-letter
   * queue (ADR 0018): a malformed event or a consumer that keeps failing. One is enough to look.
   */
  watchDeadLetters(queue: IQueue): void {
    const waiting = new Alarm(this, 'DeadLetters', {
      alarmDescription: 'Deliveries failed for good and wait in the dead-letter queue (ADR 0018): inspect them, mend the cause, redrive.',
      metric: queue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    waiting.addAlarmAction(new SnsAction(this.topic));
  }
}
