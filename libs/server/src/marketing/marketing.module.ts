import { Module } from '@nestjs/common';
import { MarketingController } from './marketing.controller';
import { SuppressionService } from './suppression.service';

@Module({
  controllers: [MarketingController],
  providers: [SuppressionService],
  exports: [SuppressionService],
})
export class MarketingModule {}
