import { ApiProperty } from '@nestjs/swagger';

const nullableString = { type: String, nullable: true } as const;
const date = { type: String, format: 'date-time' } as const;
const nullableDate = { type: String, format: 'date-time', nullable: true } as const;

export class SubmittedPetitionDoc {
  @ApiProperty({ example: 'PAKN-261205-000001' }) code!: string;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableDate) dueAt!: string | null;
}

export class PetitionDoc {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['online', 'direct', 'postal'] }) channel!: string;
  @ApiProperty() senderName!: string;
  @ApiProperty(nullableString) senderPhone!: string | null;
  @ApiProperty(nullableString) senderEmail!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() content!: string;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableDate) dueAt!: string | null;
  @ApiProperty({ enum: ['received', 'processing', 'transferred', 'answered'] }) status!: string;
  @ApiProperty({ ...nullableString, description: 'phan-anh or kien-nghi, once classified' }) kind!: string | null;
  @ApiProperty(nullableString) transferredTo!: string | null;
  @ApiProperty(nullableString) answer!: string | null;
  @ApiProperty(nullableString) answerNumber!: string | null;
  @ApiProperty(nullableDate) finishedAt!: string | null;
  @ApiProperty(nullableDate) publishedAt!: string | null;
  @ApiProperty() processInstanceId!: string;
}

export class PublishedPetitionDoc {
  @ApiProperty() code!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() content!: string;
  @ApiProperty(nullableString) kind!: string | null;
  @ApiProperty(date) receivedAt!: string;
  @ApiProperty(nullableString) answer!: string | null;
  @ApiProperty(nullableString) answerNumber!: string | null;
  @ApiProperty(date) publishedAt!: string;
}

export class PetitionReportDoc {
  @ApiProperty(date) from!: string;
  @ApiProperty(date) to!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ total, online, direct, postal }' }) received!: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ phanAnh, kienNghi, unclassified }' }) byKind!: object;
  @ApiProperty() transferred!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ total, onTime, late }' }) answered!: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ total, withinTime, overdue }' }) inProgress!: object;
  @ApiProperty() published!: number;
}
