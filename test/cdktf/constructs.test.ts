import 'cdktf/lib/testing/adapters/jest';
import * as cdktf from 'cdktf';
import { Repository } from '@cdktf/provider-github/lib/repository';
import * as constructs from '../../src/cdktf';
import { describeConstructs } from './suite';

cdktf.Testing.setupJest();

describeConstructs({
  name: 'cdktf',
  framework: cdktf,
  constructs,
  repository: (scope, id, name) => new Repository(scope, id, { name }),
});
