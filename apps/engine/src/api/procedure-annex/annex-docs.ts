import { ApiProperty } from '@nestjs/swagger';

const nullableString = { type: String, nullable: true } as const;

export class AnnexRowDoc {
  @ApiProperty({ example: 3 }) number!: number;
  @ApiProperty({ example: 'tham-dinh' }) elementId!: string;
  @ApiProperty({ example: 'Thẩm định hồ sơ, dự thảo quyết định' }) content!: string;
  @ApiProperty({ example: 'Phòng Bảo trợ xã hội và Trẻ em' }) unit!: string;
  @ApiProperty({ example: 'Chuyên viên' }) role!: string;
  @ApiProperty({ type: Number, nullable: true, example: 7 }) allowanceDays!: number | null;
  @ApiProperty({ example: '7 ngày làm việc' }) time!: string;
  @ApiProperty() counted!: boolean;
  @ApiProperty(nullableString) legalBasis!: string | null;
}

export class AnnexTableDoc {
  @ApiProperty() definitionId!: string;
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty(nullableString) procedureCode!: string | null;
  @ApiProperty() procedureName!: string;
  @ApiProperty(nullableString) agencyName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) statutoryDays!: number | null;
  @ApiProperty({ type: [AnnexRowDoc] }) rows!: AnnexRowDoc[];
  @ApiProperty({ example: 10 }) totalDays!: number;
  @ApiProperty({ example: 'Tổng thời gian: 10 ngày làm việc' }) totalText!: string;
  @ApiProperty({ type: [String] }) legalBases!: string[];
}

export class ComparisonAnnexRowDoc {
  @ApiProperty({ type: Number, nullable: true }) before!: number | null;
  @ApiProperty({ type: Number, nullable: true }) after!: number | null;
  @ApiProperty() elementId!: string;
  @ApiProperty() content!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() timeBefore!: string;
  @ApiProperty() timeAfter!: string;
  @ApiProperty({ enum: ['cut', 'shortened', 'lengthened', 'unchanged', 'added'] }) change!: string;
  @ApiProperty({ example: 'Giảm 0,5 ngày làm việc' }) changeText!: string;
}

export class ComparisonAnnexDoc {
  @ApiProperty({ type: AnnexTableDoc }) before!: AnnexTableDoc;
  @ApiProperty({ type: AnnexTableDoc }) after!: AnnexTableDoc;
  @ApiProperty({ type: [ComparisonAnnexRowDoc] }) rows!: ComparisonAnnexRowDoc[];
  @ApiProperty() stepsCut!: number;
  @ApiProperty() daysSaved!: number;
  @ApiProperty({ description: 'Percent of the time before, one decimal' }) percentSaved!: number;
  @ApiProperty() summary!: string;
}
