import { Module } from '@nestjs/common';
import { MarketingModule } from '../marketing/marketing.module';
import { SubjectRequestsModule } from '../requests/subject-requests.module';
import { TransparencyModule } from '../transparency/transparency.module';
import { ErasureService } from './erasure.service';
import { RightsController } from './rights.controller';
import { SubjectAccessService } from './subject-access.service';

@Module({
  imports: [MarketingModule, SubjectRequestsModule, TransparencyModule],
  controllers: [RightsController],
  providers: [SubjectAccessService, ErasureService],
})
export class RightsModule {}
