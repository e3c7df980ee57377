import { ApiProperty } from '@nestjs/swagger';

export class SignatureCheckDoc {
  @ApiProperty({ description: 'The PDF carries a signature' }) signed!: boolean;
  @ApiProperty({ description: 'It verifies over the bytes it covers, with the certificate it names' }) valid!: boolean;
  @ApiProperty({ description: 'Nothing was added after signing' }) coversWholeFile!: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Chains to a configured trusted root (null: no roots configured)' }) chainTrusted!: boolean | null;
  @ApiProperty({ required: false }) signer?: string;
  @ApiProperty({ required: false, type: String, format: 'date-time' }) signedAt?: string;
  @ApiProperty({ required: false }) problem?: string;
}
