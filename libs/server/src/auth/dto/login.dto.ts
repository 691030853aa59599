import { ApiProperty } from '@nestjs/swagger';
import { LoginRequest } from '@privdesk/domain';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@privdesk.local' })
  @IsEmail({}, { message: 'Enter an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'Enter your password' })
  @MaxLength(1024)
  password!: string;
}
