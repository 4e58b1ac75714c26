import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus, Rule, type EventPattern as CdkEventPattern } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { RuleDef } from '../../definition/types';
import type { AppFunctions } from './app-functions';
import type { DeadLetterQueue } from './dead-letter-queue';
import { delivery } from '../../definition/delivery';

/**
 * The client's own EventBridge bus (`crm-<client>`), an archive of every event on it for
 * replays, and one rule per RuleDef with its pattern copied verbatim.
 */
export class DomainEventBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: { busName: string }) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: props.busName });
    // Lets a new consumer be fed past events; 90 days covers a quarter's reports.
    this.bus.archive('Archive', {
      description: `Every event on ${props.busName}`,
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(90),
    });
  }

  addRules(props: { rules: readonly RuleDef[]; functions: AppFunctions; deadLetters: DeadLetterQueue }): void {
    for (const def of props.rules) {
      // Rule names are unique per bus, and the bus is per client: the definition's id is the name.
      const rule = new Rule(this, def.id, {
        eventBus: this.bus,
        ruleName: def.id,
        description: def.description,
        // CDK passes keys it does not know (`detail-type`) through unchanged: the pattern is verbatim.
        eventPattern: structuredClone(def.eventPattern) as unknown as CdkEventPattern,
      });
      rule.addTarget(
        new LambdaFunction(props.functions.get(def.function), {
          deadLetterQueue: props.deadLetters.queue,
          retryAttempts: delivery.targetDeliveryRetries,
          maxEventAge: Duration.hours(24),
        }),
      );
    }
  }
}
